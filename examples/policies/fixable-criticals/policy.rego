package tollgate.gate

# Fail only on CRITICAL dependency vulnerabilities that have a fixed
# version: everything else is reported but never blocks. Run with
# --fail-on none so the default threshold does not fire.
deny contains {"msg": msg, "rule": "fixable-critical", "fingerprint": f.fingerprint} if {
	some f in input.findings
	f.scanner == "deps"
	f.severity == "CRITICAL"
	f.fixable == true
	f.new == true
	f.suppressed == false
	msg := sprintf("%s in %s %s has a fix: upgrade to %s", [f.rule_id, f.package.name, f.package.version, f.package.fix])
}
