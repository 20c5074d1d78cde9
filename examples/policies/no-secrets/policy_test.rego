package tollgate.gate_test

import data.tollgate.gate

base := {"config": {"fail_on": "none", "unknown_severity": "HIGH"}, "exceptions": [], "scan": {"errors": []}}

secret(suppressed) := {"scanner": "secrets", "rule_id": "aws-access-key-id", "severity": "LOW", "severity_rank": 2, "new": true,
	"suppressed": suppressed, "fingerprint": "fp", "title": "t", "location": {"path": "a.env"}}

test_low_secret_denied if {
	some d in gate.deny with input as object.union(base, {"findings": [secret(false)]})
	d.msg == "secret aws-access-key-id in a.env"
}

test_excepted_secret_allowed if {
	count(gate.deny) == 0 with input as object.union(base, {"findings": [secret(true)]})
}

test_other_scanner_allowed if {
	count(gate.deny) == 0 with input as object.union(base, {"findings": [object.union(secret(false), {"scanner": "iac"})]})
}
