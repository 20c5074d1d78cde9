package tollgate.gate_test

import data.tollgate.gate

base := {"config": {"fail_on": "none", "unknown_severity": "HIGH"}, "exceptions": [], "scan": {"errors": []}}

dep(sev, fix) := {"scanner": "deps", "rule_id": "GHSA-1", "severity": sev, "severity_rank": 5, "fixable": fix != "", "new": true, "suppressed": false,
	"fingerprint": "fp", "title": "t", "location": {"path": "package-lock.json"}, "package": {"name": "lodash", "version": "4.17.20", "fix": fix}}

test_fixable_critical_denied if {
	some d in gate.deny with input as object.union(base, {"findings": [dep("CRITICAL", "4.17.21")]})
	d.msg == "GHSA-1 in lodash 4.17.20 has a fix: upgrade to 4.17.21"
}

test_unfixable_critical_allowed if {
	count(gate.deny) == 0 with input as object.union(base, {"findings": [dep("CRITICAL", "")]})
}

test_fixable_high_allowed if {
	count(gate.deny) == 0 with input as object.union(base, {"findings": [dep("HIGH", "4.17.21")]})
}
