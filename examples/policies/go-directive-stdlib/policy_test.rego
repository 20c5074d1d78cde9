package tollgate.gate_test

import data.tollgate.gate

stdlib(source, sev, rank) := {"scanner": "deps", "rule_id": "GO-2099-0001", "title": "net/http bug", "severity": sev, "severity_rank": rank,
	"location": {"path": "go.mod", "start_line": 3}, "fingerprint": concat("-", ["fp", source, sev]), "new": true, "suppressed": false, "fixable": true,
	"package": {"ecosystem": "Go", "name": "stdlib", "version": "1.13"}, "properties": {"stdlib_version_source": source}}

input_with(fs) := {"findings": fs, "config": {"fail_on": "high", "unknown_severity": "HIGH"}, "exceptions": [], "scan": {"errors": []}}

test_go_directive_denied_with_this_policy if {
	some d in gate.deny with input as input_with([stdlib("go-directive", "HIGH", 4)])
	d.rule == "stdlib-go-directive"
	d.msg == "go.mod: 1 Go standard library advisories at or above HIGH for go 1.13 (from the go directive; add a toolchain line or pass --go-version to check the real release)"
}

test_go_directive_below_threshold_allowed if {
	count(gate.deny) == 0 with input as input_with([stdlib("go-directive", "LOW", 2)])
}

test_default_policy_only_warns if {
	# The default rule alone: no severity-threshold deny, one warning.
	count([d | some d in gate.deny with input as input_with([stdlib("go-directive", "HIGH", 4)]); d.rule == "severity-threshold"]) == 0
	count([w | some w in gate.warn with input as input_with([stdlib("go-directive", "HIGH", 4)]); w.rule == "stdlib-go-directive"]) == 1
}

test_toolchain_findings_gated_by_default if {
	some d in gate.deny with input as input_with([stdlib("toolchain", "HIGH", 4)])
	d.rule == "severity-threshold"
}
