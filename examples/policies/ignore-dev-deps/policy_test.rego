package tollgate.gate_test

import data.tollgate.gate

base := {"config": {"fail_on": "high", "unknown_severity": "HIGH"}, "exceptions": [], "scan": {"errors": []}}

dep(dev) := {"scanner": "deps", "rule_id": "GHSA-1", "severity": "CRITICAL", "severity_rank": 5, "new": true, "suppressed": false,
	"fingerprint": "fp", "title": "t", "location": {"path": "package-lock.json"}, "package": {"name": "jest", "version": "1.0.0", "dev": dev}}

test_dev_dependency_ignored if {
	count(gate.deny) == 0 with input as object.union(base, {"findings": [dep(true)]})
}

test_runtime_dependency_denied if {
	count(gate.deny) == 1 with input as object.union(base, {"findings": [dep(false)]})
}
