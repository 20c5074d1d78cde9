package tollgate.gate_test

import data.tollgate.gate

base := {"config": {"fail_on": "none", "unknown_severity": "HIGH"}, "exceptions": [], "scan": {"errors": []}}

mediums(n) := [{"scanner": "iac", "rule_id": "R", "severity": "MEDIUM", "severity_rank": 3, "new": true, "suppressed": false,
	"fingerprint": sprintf("fp%d", [i]), "title": "t", "location": {"path": "a"}} | some i in numbers.range(1, n)]

test_eleven_mediums_denied if {
	some d in gate.deny with input as object.union(base, {"findings": mediums(11)})
	d.msg == "11 new MEDIUM findings, at most 10 allowed"
	count(d.fingerprints) == 11
}

test_ten_mediums_allowed if {
	count(gate.deny) == 0 with input as object.union(base, {"findings": mediums(10)})
}

test_limit_from_data if {
	count(gate.deny) == 1 with input as object.union(base, {"findings": mediums(3)}) with data.tollgate_config.max_mediums as 2
}
