# METADATA
# title: All secrets passed to an external reusable workflow
# description: >-
#   secrets: inherit hands every repository and organisation secret to a workflow maintained
#   elsewhere.
# scope: package
# custom:
#   id: TG-GHA-0008
#   severity: MEDIUM
#   frameworks: [github-actions]
#   remediation: >-
#     Pass only the secrets the called workflow needs, explicitly under secrets:.
#   references:
#     - https://docs.github.com/en/actions/sharing-automations/reusing-workflows#passing-secrets-to-nested-workflows
#   cwe: [CWE-200]
package tollgate.iac.github.secrets_inherit_external

import data.lib.iac
import data.lib.gha
import rego.v1

deny contains res if {
	some j in gha.jobs
	u := j.job.uses
	is_string(u)
	not startswith(u, "./")
	j.job.secrets == "inherit"
	res := gha.job_result(sprintf("job %s passes all secrets to %s", [j.id, u]), j, "secrets")
}
