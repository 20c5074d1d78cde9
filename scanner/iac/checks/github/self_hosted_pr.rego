# METADATA
# title: Self-hosted runner used on pull request events
# description: >-
#   On public repositories anyone can open a pull request; a self-hosted runner then executes
#   their code on your infrastructure, where it can persist between jobs.
# scope: package
# custom:
#   id: TG-GHA-0010
#   severity: HIGH
#   frameworks: [github-actions]
#   remediation: >-
#     Use GitHub-hosted or ephemeral, isolated runners for pull request workflows; require
#     approval for fork pull requests.
#   references:
#     - https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#hardening-for-self-hosted-runners
#   cwe: [CWE-284]
package tollgate.iac.github.self_hosted_pr

import data.lib.iac
import data.lib.gha
import rego.v1

deny contains res if {
	some t in gha.triggers
	t in gha.pr_triggers
	some j in gha.jobs
	some label in gha.runs_on(j.job)
	label == "self-hosted"
	res := gha.job_result(sprintf("job %s runs on a self-hosted runner for %s events", [j.id, t]), j, "runs-on")
}
