# METADATA
# title: Basic Owner or Editor role granted at project, folder or organization level
# description: >-
#   roles/owner and roles/editor grant thousands of permissions across
#   every service; granting them to users, groups or service accounts
#   breaks least privilege.
# scope: package
# custom:
#   id: TG-GCP-0028
#   peer_ids:
#     trivy: [AVD-GCP-0007]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Grant predefined or custom roles scoped to what the principal needs.'
#   references: [https://cloud.google.com/iam/docs/understanding-roles#basic]
#   cwe: [CWE-250]
package tollgate.iac.gcp.iam_primitive_roles

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some type in ["google_project_iam_member", "google_project_iam_binding", "google_folder_iam_member", "google_folder_iam_binding", "google_organization_iam_member", "google_organization_iam_binding"]
	some r in cloud.tf(type)
	role := cloud.get(r.values, "role")
	role in {"roles/owner", "roles/editor"}
	res := cloud.res(sprintf("%s grants the basic role %s", [r.address, role]), r, r.values, "role")
}
