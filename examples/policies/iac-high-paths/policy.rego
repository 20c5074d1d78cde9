package tollgate.gate

# IaC findings of HIGH or CRITICAL severity block only where they matter:
# production infrastructure and cluster manifests. Elsewhere (examples,
# sandboxes) they are reported but pass. Run with --fail-on none, or keep
# the default threshold for the other scanners by combining with it.
guarded_paths := ["infra/prod/", "k8s/"]

deny contains {"msg": msg, "rule": "iac-high-guarded-path", "fingerprint": f.fingerprint} if {
	some f in input.findings
	f.scanner == "iac"
	f.severity_rank >= 4
	f.new == true
	f.suppressed == false
	some prefix in guarded_paths
	startswith(f.location.path, prefix)
	msg := sprintf("%s %s in %s: %s", [f.severity, f.rule_id, f.location.path, f.title])
}
