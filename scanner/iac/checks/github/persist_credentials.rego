# METADATA
# title: Checkout persists credentials in a job that uploads artifacts
# description: >-
#   actions/checkout writes the token into .git/config unless persist-credentials is false;
#   uploading the workspace as an artifact then publishes the token.
# scope: package
# custom:
#   id: TG-GHA-0012
#   severity: MEDIUM
#   frameworks: [github-actions]
#   remediation: >-
#     Set with: persist-credentials: false on actions/checkout (and upload only the files you
#     need).
#   references:
#     - https://github.com/actions/checkout#usage
#     - https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions
#   cwe: [CWE-522]
package tollgate.iac.github.persist_credentials

import data.lib.iac
import data.lib.gha
import rego.v1

deny contains res if {
	some x in gha.steps
	gha.is_checkout(x.step)
	not iac.is_false(object.get(object.get(x.step, "with", {}), "persist-credentials", true))
	some y in gha.steps
	y.job_id == x.job_id
	startswith(gha.action_name(gha.uses(y.step)), "actions/upload-artifact")
	res := gha.step_result(sprintf("checkout keeps the token in .git/config and job %s uploads artifacts", [x.job_id]), x, "uses")
}
