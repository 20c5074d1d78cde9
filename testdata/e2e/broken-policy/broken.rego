package tollgate.gate

deny contains msg if {
	msg := sprintf("%s", [input.findings[0].title]
}
