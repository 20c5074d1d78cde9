package tollgate.gate_test

import data.tollgate.gate

# This test is wrong on purpose: tollgate policy test must report it.
test_low_secret_passes if {
	count(gate.deny) == 0 with input as {"findings": [{"scanner": "secrets", "rule_id": "x", "location": {"path": "a"}, "fingerprint": "f1", "suppressed": false, "new": true, "severity": "LOW", "title": "t"}], "config": {"fail_on": "high", "unknown_severity": "high"}, "exceptions": [], "scan": {"errors": []}}
}
