# METADATA
# title: Workflow grants write-all permissions
# description: >-
#   permissions: write-all gives the GITHUB_TOKEN write access to contents, packages,
#   deployments, releases and more; any compromised step can push code or publish packages.
# scope: package
# custom:
#   id: TG-GHA-0006
#   peer_ids:
#     checkov: [CKV2_GHA_1]
#   severity: HIGH
#   frameworks: [github-actions]
#   remediation: >-
#     Grant only the scopes needed, e.g. permissions: {contents: read}.
#   references:
#     - https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions
#     - https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions
#   cwe: [CWE-250]
package tollgate.iac.github.permissions_write_all

import data.lib.iac
import data.lib.gha
import rego.v1

deny contains res if {
	input.permissions == "write-all"
	res := gha.workflow_result("workflow sets permissions: write-all", "permissions")
}

deny contains res if {
	some j in gha.jobs
	j.job.permissions == "write-all"
	res := gha.job_result(sprintf("job %s sets permissions: write-all", [j.id]), j, "permissions")
}
