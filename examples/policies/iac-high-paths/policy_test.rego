package tollgate.gate_test

import data.tollgate.gate

base := {"config": {"fail_on": "none", "unknown_severity": "HIGH"}, "exceptions": [], "scan": {"errors": []}}

iac(path, sev, rank) := {"scanner": "iac", "rule_id": "TG-AWS-0010", "severity": sev, "severity_rank": rank, "new": true, "suppressed": false,
	"fingerprint": "fp", "title": "SSH open", "location": {"path": path}}

test_prod_high_denied if {
	count(gate.deny) == 1 with input as object.union(base, {"findings": [iac("infra/prod/main.tf", "HIGH", 4)]})
}

test_sandbox_high_allowed if {
	count(gate.deny) == 0 with input as object.union(base, {"findings": [iac("infra/sandbox/main.tf", "CRITICAL", 5)]})
}

test_prod_medium_allowed if {
	count(gate.deny) == 0 with input as object.union(base, {"findings": [iac("k8s/web.yaml", "MEDIUM", 3)]})
}
