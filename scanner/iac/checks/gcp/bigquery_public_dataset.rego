# METADATA
# title: BigQuery dataset or table is publicly accessible
# description: >-
#   An access entry or IAM grant gives allUsers or allAuthenticatedUsers
#   access to the data.
# scope: package
# custom:
#   id: TG-GCP-0032
#   peer_ids:
#     trivy: [AVD-GCP-0046]
#     checkov: [CKV_GCP_15]
#     kics: [e576ce44-dd03-4022-a8c0-3906acca2ab4]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Remove the public access entries; grant access to specific users, groups or service accounts.'
#   references: [https://cloud.google.com/bigquery/docs/control-access-to-resources-iam]
#   cwe: [CWE-284]
package tollgate.iac.gcp.bigquery_public_dataset

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("google_bigquery_dataset")
	some a in cloud.blocks(r.values, "access")
	some key in ["special_group", "iam_member"]
	cloud.public_member(cloud.get(a, key))
	res := cloud.res(sprintf("BigQuery dataset %s grants access to %s", [r.address, a[key]]), r, a, key)
}

deny contains res if {
	some r in cloud.tf("google_bigquery_dataset_access")
	some key in ["special_group", "iam_member"]
	cloud.public_member(cloud.get(r.values, key))
	res := cloud.res(sprintf("%s grants access to %s", [r.address, r.values[key]]), r, r.values, key)
}

deny contains res if {
	some [r, b, m] in cloud.iam_policy_public
	r.type in {"google_bigquery_dataset_iam_policy", "google_bigquery_table_iam_policy"}
	res := cloud.res_path(sprintf("%s grants %v to %s", [r.address, cloud.get(b, "role"), m]), r, ["policy_data"])
}

deny contains res if {
	some type in ["google_bigquery_dataset_iam_member", "google_bigquery_dataset_iam_binding", "google_bigquery_table_iam_member", "google_bigquery_table_iam_binding"]
	some r in cloud.tf(type)
	some key in ["member", "members"]
	some m in cloud.as_list(cloud.get(r.values, key))
	cloud.public_member(m)
	res := cloud.res(sprintf("%s grants access to %s", [r.address, m]), r, r.values, key)
}
