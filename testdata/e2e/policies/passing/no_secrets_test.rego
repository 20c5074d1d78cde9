package tollgate.gate_test

import data.tollgate.gate

test_secret_denied if {
	some d in gate.deny with input as {"findings": [{"scanner": "secrets", "rule_id": "aws-access-key", "location": {"path": "a.env"}, "fingerprint": "f1", "suppressed": false, "new": true, "severity": "LOW", "title": "t"}], "config": {"fail_on": "high", "unknown_severity": "high"}, "exceptions": [], "scan": {"errors": []}}
	d.msg == "secret aws-access-key in a.env"
}

test_suppressed_secret_allowed if {
	count(gate.deny) == 0 with input as {"findings": [{"scanner": "secrets", "rule_id": "x", "location": {"path": "a"}, "fingerprint": "f1", "suppressed": true, "new": true, "severity": "LOW", "title": "t"}], "config": {"fail_on": "high", "unknown_severity": "high"}, "exceptions": [], "scan": {"errors": []}}
}
