# METADATA
# title: Role granted to a default service account at project, folder or organization level
# description: >-
#   The Compute Engine and App Engine default service accounts are used
#   implicitly by many resources; granting them roles widens what every
#   such workload can do.
# scope: package
# custom:
#   id: TG-GCP-0043
#   peer_ids:
#     trivy: [AVD-GCP-0004, AVD-GCP-0006, AVD-GCP-0008]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Create dedicated service accounts for workloads and grant roles to those.'
#   references: [https://cloud.google.com/iam/docs/service-account-types#default]
#   cwe: [CWE-250]
package tollgate.iac.gcp.iam_default_service_account_grant

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some type in ["google_project_iam_member", "google_project_iam_binding", "google_folder_iam_member", "google_folder_iam_binding", "google_organization_iam_member", "google_organization_iam_binding"]
	some r in cloud.tf(type)
	some key in ["member", "members"]
	some m in cloud.as_list(cloud.get(r.values, key))
	_default_sa_member(m)
	res := cloud.res(sprintf("%s grants %v to the default service account %s", [r.address, cloud.get(r.values, "role"), m]), r, r.values, key)
}

_default_sa_member(m) if {
	is_string(m)
	startswith(m, "serviceAccount:")
	some suffix in ["-compute@developer.gserviceaccount.com", "@appspot.gserviceaccount.com"]
	endswith(m, suffix)
}
