package tollgate.gate_test

import data.tollgate.gate

input_with(missing) := {"findings": [], "config": {"fail_on": "high", "unknown_severity": "HIGH"}, "exceptions": [],
	"scan": {"errors": [], "scanners": ["deps"], "db": {"ecosystems": {"npm": {"age_seconds": 60}}, "missing": missing}}}

test_missing_ecosystem_denied if {
	some d in gate.deny with input as input_with([{"ecosystem": "PyPI", "packages": 4}])
	d.msg == "no offline advisory data for PyPI: 4 package(s) unchecked; run tollgate db update --ecosystems PyPI"
	d.rule == "osv-db-missing-ecosystem"
}

test_default_policy_only_warns if {
	# Without this policy the default one warns once per ecosystem.
	count([w | some w in gate.warn with input as input_with([{"ecosystem": "PyPI", "packages": 4}, {"ecosystem": "Pub", "packages": 1}]); w.rule == "osv-db-missing-ecosystem"]) == 2
}

test_complete_db_allowed if {
	count(gate.deny) == 0 with input as input_with([])
}

test_online_scan_allowed if {
	count(gate.deny) == 0 with input as {"findings": [], "config": {"fail_on": "high", "unknown_severity": "HIGH"}, "exceptions": [], "scan": {"errors": []}}
}
