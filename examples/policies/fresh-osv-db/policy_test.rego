package tollgate.gate_test

import data.tollgate.gate

input_with(age) := {"findings": [], "config": {"fail_on": "high", "unknown_severity": "HIGH"}, "exceptions": [],
	"scan": {"errors": [], "db": {"ecosystems": {"npm": {"age_seconds": age, "fetched_at": "2026-11-20T00:00:00Z"}}}}}

test_old_db_denied if {
	some d in gate.deny with input as input_with(90000)
	d.msg == "OSV database for npm is 25 hours old (fetched 2026-11-20T00:00:00Z); run tollgate db update"
}

test_fresh_db_allowed if {
	count(gate.deny) == 0 with input as input_with(3600)
}

test_online_scan_allowed if {
	count(gate.deny) == 0 with input as {"findings": [], "config": {"fail_on": "high", "unknown_severity": "HIGH"}, "exceptions": [], "scan": {"errors": []}}
}
