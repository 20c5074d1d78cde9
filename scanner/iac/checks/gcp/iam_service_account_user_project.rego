# METADATA
# title: Service Account User or Token Creator granted on the whole project
# description: >-
#   At project level these roles let the member act as every service
#   account in the project, including highly privileged ones.
# scope: package
# custom:
#   id: TG-GCP-0029
#   peer_ids:
#     trivy: [AVD-GCP-0005, AVD-GCP-0009, AVD-GCP-0011]
#     checkov: [CKV_GCP_41]
#     kics: [c68b4e6d-4e01-4ca1-b256-1e18e875785c, 617ef6ff-711e-4bd7-94ae-e965911b1b40]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Grant roles/iam.serviceAccountUser or serviceAccountTokenCreator on the specific service account (google_service_account_iam_member).'
#   references: [https://cloud.google.com/iam/docs/service-account-permissions]
#   cwe: [CWE-269]
package tollgate.iac.gcp.iam_service_account_user_project

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some type in ["google_project_iam_member", "google_project_iam_binding", "google_folder_iam_member", "google_folder_iam_binding", "google_organization_iam_member", "google_organization_iam_binding"]
	some r in cloud.tf(type)
	role := cloud.get(r.values, "role")
	role in {"roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"}
	res := cloud.res(sprintf("%s grants %s on every service account", [r.address, role]), r, r.values, "role")
}
