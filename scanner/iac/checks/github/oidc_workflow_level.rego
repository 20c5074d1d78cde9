# METADATA
# title: OIDC id-token write granted to the whole workflow
# description: >-
#   permissions: {id-token: write} at the top of a workflow lets every job that does not set its
#   own permissions mint OIDC tokens for the cloud roles that trust this repository, including
#   jobs that only build, test or notify. Reported when two or more jobs inherit it (with one,
#   the grant is no broader than a job-level one).
# scope: package
# custom:
#   id: TG-GHA-0019
#   severity: MEDIUM
#   frameworks: [github-actions]
#   remediation: >-
#     Remove id-token from the workflow-level permissions and grant id-token: write only in the
#     job that authenticates to the cloud (the deploy or publish job).
#   references:
#     - https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect#adding-permissions-settings
#   cwe: [CWE-250]
package tollgate.iac.github.oidc_workflow_level

import data.lib.gha
import rego.v1

deny contains res if {
	is_object(input.permissions)
	input.permissions["id-token"] == "write"
	inheriting := [j.id | some j in gha.jobs; not _own_permissions(j.job)]
	count(inheriting) > 1
	msg := sprintf("workflow grants id-token: write to %d jobs that inherit it: %s", [count(inheriting), concat(", ", sort(inheriting))])
	res := gha.workflow_result(msg, "permissions")
}

_own_permissions(job) if job.permissions != null

