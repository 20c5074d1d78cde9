# METADATA
# title: S3 bucket versioning is not enabled
# description: >-
#   Without versioning, an overwritten or deleted object cannot be recovered,
#   which turns a mistake or a ransomware-style deletion into data loss.
# scope: package
# custom:
#   id: TG-AWS-0006
#   peer_ids:
#     trivy: [AVD-AWS-0090]
#     checkov: [CKV_AWS_21]
#     kics: [a227ec01-f97a-4084-91a4-47b350c1db54, 568a4d22-3517-44a6-a7ad-6a7eed88722c]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Add an aws_s3_bucket_versioning with versioning_configuration { status = "Enabled" } (or VersioningConfiguration Status Enabled).
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html]
#   cwe: [CWE-693]
package tollgate.iac.aws.s3_versioning

import data.lib.aws

inline_enabled(r) if {
	some v in aws.blocks(r.values, "versioning")
	not aws.is_false(aws.get(v, "enabled"))
	not aws.absent(v, "enabled")
}

separate_enabled(r) if {
	some v in aws.linked("aws_s3_bucket_versioning", "bucket", r)
	some c in aws.blocks(v.values, "versioning_configuration")
	s := aws.get(c, "status")
	not s in {"Suspended", "Disabled"}
}

separate_enabled(r) if {
	some v in aws.linked("aws_s3_bucket_versioning", "bucket", r)
	aws.unknown(aws.get(v.values, "versioning_configuration"))
}

deny contains res if {
	some r in aws.tf_index["aws_s3_bucket"]
	not inline_enabled(r)
	not separate_enabled(r)
	res := aws.res(sprintf("S3 bucket %s does not enable versioning", [r.address]), r)
}

deny contains res if {
	some r in aws.cfn_index["AWS::S3::Bucket"]
	s := aws.path(r.Properties, ["VersioningConfiguration", "Status"])
	not aws.unknown(s)
	s != "Enabled"
	not aws.unknown(aws.get(r.Properties, "VersioningConfiguration"))
	res := aws.res_key(sprintf("S3 bucket %s does not enable versioning", [r.logical_id]), r, "VersioningConfiguration")
}
