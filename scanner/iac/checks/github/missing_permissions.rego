# METADATA
# title: Workflow does not restrict GITHUB_TOKEN permissions
# description: >-
#   Without a permissions block the GITHUB_TOKEN gets the repository's default permissions,
#   which are read/write on older repositories and organisations.
# scope: package
# custom:
#   id: TG-GHA-0007
#   severity: MEDIUM
#   frameworks: [github-actions]
#   remediation: >-
#     Add a top-level permissions block with the least scopes (e.g. permissions: {contents:
#     read}) and widen per job where needed.
#   references:
#     - https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions
#     - https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions
#   cwe: [CWE-250]
package tollgate.iac.github.missing_permissions

import data.lib.iac
import data.lib.gha
import rego.v1

deny contains res if {
	gha.is_workflow
	not iac.has_key(input, "permissions")
	some j in gha.jobs
	not iac.has_key(j.job, "permissions")
	not iac.has_key(j.job, "uses")
	res := gha.workflow_result("workflow has no top-level permissions block", "on")
}
