package tollgate.gate

# No secrets at all, whatever their severity.
deny contains {"msg": sprintf("secret %s in %s", [f.rule_id, f.location.path]), "fingerprint": f.fingerprint} if {
	some f in input.findings
	f.scanner == "secrets"
	not f.suppressed
}
