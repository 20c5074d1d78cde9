# METADATA
# title: Cloud Storage bucket does not use uniform bucket-level access
# description: >-
#   Without uniform bucket-level access, per-object ACLs can grant
#   access that the bucket IAM policy does not show, which makes public
#   or cross-project exposure hard to audit.
# scope: package
# custom:
#   id: TG-GCP-0002
#   peer_ids:
#     trivy: [AVD-GCP-0002]
#     checkov: [CKV_GCP_29]
#     kics: [bb0db090-5509-4853-a827-75ced0b3caa0]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Set uniform_bucket_level_access = true on google_storage_bucket.'
#   references: [https://cloud.google.com/storage/docs/uniform-bucket-level-access]
#   cwe: [CWE-284]
package tollgate.iac.gcp.storage_uniform_access

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("google_storage_bucket")
	v := cloud.get(r.values, "uniform_bucket_level_access")
	not cloud.unknown(v)
	not cloud.on(v)
	res := cloud.res(sprintf("Bucket %s does not enforce uniform bucket-level access", [r.address]), r, r.values, "uniform_bucket_level_access")
}
