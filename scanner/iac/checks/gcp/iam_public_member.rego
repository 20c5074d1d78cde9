# METADATA
# title: IAM grant to allUsers or allAuthenticatedUsers
# description: >-
#   An IAM member or binding grants a role to everyone on the internet
#   (allUsers) or every Google account (allAuthenticatedUsers). Public
#   invoker roles for Cloud Run and Cloud Functions are not reported.
# scope: package
# custom:
#   id: TG-GCP-0030
#   severity: HIGH
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Grant the role to specific users, groups or service accounts.'
#   references: [https://cloud.google.com/iam/docs/overview#all-users]
#   cwe: [CWE-284]
package tollgate.iac.gcp.iam_public_member

import data.lib.cloud
import data.lib.iac

# buckets and datasets have their own checks (TG-GCP-0001, TG-GCP-0031)
skipped := {"google_storage_bucket_iam_member", "google_storage_bucket_iam_binding", "google_storage_bucket_iam_policy", "google_bigquery_dataset_iam_member", "google_bigquery_dataset_iam_binding", "google_bigquery_dataset_iam_policy", "google_bigquery_table_iam_member", "google_bigquery_table_iam_binding", "google_bigquery_table_iam_policy"}

public_roles := {"roles/run.invoker", "roles/cloudfunctions.invoker"}

deny contains res if {
	some r in input.resources
	object.get(r, "mode", "managed") == "managed"
	regex.match(`^google_.*_iam_(member|binding)$`, r.type)
	not r.type in skipped
	role := cloud.get(r.values, "role")
	not role in public_roles
	some key in ["member", "members"]
	some m in cloud.as_list(cloud.get(r.values, key))
	cloud.public_member(m)
	res := cloud.res(sprintf("%s grants %v to %s", [r.address, role, m]), r, r.values, key)
}

deny contains res if {
	some [r, b, m] in cloud.iam_policy_public
	not r.type in skipped
	role := cloud.get(b, "role")
	not role in public_roles
	res := cloud.res_path(sprintf("%s grants %v to %s through its policy", [r.address, role, m]), r, ["policy_data"])
}
