# METADATA
# title: workflow_run workflow uses untrusted artifacts or code
# description: >-
#   A workflow_run workflow runs with secrets and a write token after a (possibly fork-
#   triggered) workflow; downloading its artifacts or checking out its head and executing them
#   lets the pull request author poison the privileged run.
# scope: package
# custom:
#   id: TG-GHA-0004
#   severity: HIGH
#   frameworks: [github-actions]
#   remediation: >-
#     Treat artifacts from the triggering run as untrusted data: extract them outside the
#     workspace, validate them, never execute them; do not check out workflow_run.head_sha and
#     run it.
#   references:
#     - https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/
#     - https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#workflow_run
#   cwe: [CWE-829]
package tollgate.iac.github.workflow_run_artifact

import data.lib.iac
import data.lib.gha
import rego.v1

download_actions := {"actions/download-artifact", "dawidd6/action-download-artifact"}

deny contains res if {
	"workflow_run" in gha.triggers
	some x in gha.steps
	gha.action_name(gha.uses(x.step)) in download_actions
	cross_run(x.step)
	res := gha.step_result("workflow_run workflow downloads artifacts of the triggering run", x, "uses")
}

deny contains res if {
	"workflow_run" in gha.triggers
	some x in gha.steps
	regex.match(`gh run download|listWorkflowRunArtifacts|/actions/runs/[^ ]*/artifacts`, concat(" ", [gha.run_script(x.step), object.get(object.get(x.step, "with", {}), "script", "")]))
	res := gha.step_result("workflow_run workflow downloads artifacts of the triggering run", x, "run")
}

deny contains res if {
	"workflow_run" in gha.triggers
	some x in gha.steps
	gha.is_checkout(x.step)
	regex.match(`workflow_run\.head_(sha|branch)`, object.get(object.get(x.step, "with", {}), "ref", ""))
	res := iac.result_key("workflow_run workflow checks out the triggering run's head", x.step["with"], "ref", x.id)
}

# dawidd6's action always reads another run; actions/download-artifact
# does so when given run-id.
cross_run(step) if gha.action_name(gha.uses(step)) == "dawidd6/action-download-artifact"

cross_run(step) if step["with"]["run-id"]
