# METADATA
# title: Cloud Storage bucket is readable by anyone
# description: >-
#   An IAM binding or ACL grants a role on the bucket to allUsers or
#   allAuthenticatedUsers, so anyone on the internet (or any Google
#   account) can read or change its objects.
# scope: package
# custom:
#   id: TG-GCP-0001
#   peer_ids:
#     trivy: [AVD-GCP-0001]
#     checkov: [CKV_GCP_28]
#     kics: [a6cd52a1-3056-4910-96a5-894de9f3f3b3, c010082c-76e0-4b91-91d9-6e8439e455dd]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Remove allUsers / allAuthenticatedUsers members and ACL entities; grant roles to specific principals and set public_access_prevention = "enforced".'
#   references: [https://cloud.google.com/storage/docs/access-control/making-data-public, https://cloud.google.com/storage/docs/public-access-prevention]
#   cwe: [CWE-284]
package tollgate.iac.gcp.storage_public_access

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some type in ["google_storage_bucket_iam_member", "google_storage_bucket_iam_binding"]
	some r in cloud.tf(type)
	some key in ["member", "members"]
	some m in cloud.as_list(cloud.get(r.values, key))
	cloud.public_member(m)
	res := cloud.res(sprintf("Bucket IAM %s grants %v to %s", [r.address, cloud.get(r.values, "role"), m]), r, r.values, key)
}

deny contains res if {
	some r in cloud.tf("google_storage_bucket_acl")
	some e in cloud.as_list(cloud.get(r.values, "role_entity"))
	is_string(e)
	some p in ["allUsers", "allAuthenticatedUsers"]
	endswith(e, concat("", [":", p]))
	res := cloud.res(sprintf("Bucket ACL %s grants %s", [r.address, e]), r, r.values, "role_entity")
}

deny contains res if {
	some r in cloud.tf("google_storage_bucket_acl")
	cloud.get(r.values, "predefined_acl") in {"publicRead", "publicReadWrite", "authenticatedRead"}
	res := cloud.res(sprintf("Bucket ACL %s uses the public predefined ACL %s", [r.address, r.values.predefined_acl]), r, r.values, "predefined_acl")
}

deny contains res if {
	some [r, b, m] in cloud.iam_policy_public
	r.type == "google_storage_bucket_iam_policy"
	res := cloud.res_path(sprintf("Bucket IAM policy %s grants %v to %s", [r.address, cloud.get(b, "role"), m]), r, ["policy_data"])
}

deny contains res if {
	some type in ["google_storage_bucket_access_control", "google_storage_default_object_access_control", "google_storage_object_access_control"]
	some r in cloud.tf(type)
	cloud.public_member(cloud.get(r.values, "entity"))
	res := cloud.res(sprintf("%s grants access to %s", [r.address, r.values.entity]), r, r.values, "entity")
}
