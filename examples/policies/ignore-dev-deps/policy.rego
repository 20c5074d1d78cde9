package tollgate.gate

# Vulnerabilities in packages that only development builds pull in never
# fail the build: they are taken out of the default severity threshold
# through its `ignore` hook, and still appear in every report.
ignore contains f.fingerprint if {
	some f in input.findings
	f.scanner == "deps"
	f.package.dev == true
}
