# METADATA
# title: Cache restored or saved in a privileged pull request workflow
# description: >-
#   Caches are shared across workflows of a branch; writing caches from a pull_request_target
#   or workflow_run job that processes untrusted input lets an attacker poison builds of the
#   default branch.
# scope: package
# custom:
#   id: TG-GHA-0016
#   severity: MEDIUM
#   frameworks: [github-actions]
#   remediation: >-
#     Do not use actions/cache (or setup-* cache options) in pull_request_target and
#     workflow_run workflows.
#   references:
#     - https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/
#   cwe: [CWE-349]
package tollgate.iac.github.cache_in_privileged_workflow

import data.lib.iac
import data.lib.gha
import rego.v1

deny contains res if {
	some t in gha.triggers
	t in {"pull_request_target", "workflow_run"}
	some x in gha.steps
	startswith(gha.action_name(gha.uses(x.step)), "actions/cache")
	res := gha.step_result(sprintf("%s workflow uses actions/cache", [t]), x, "uses")
}
