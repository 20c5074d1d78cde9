# METADATA
# title: S3 public access block setting is disabled
# description: >-
#   A public access block that leaves block_public_acls, block_public_policy,
#   ignore_public_acls or restrict_public_buckets off does not protect the
#   bucket (or account) against public ACLs or policies.
# scope: package
# custom:
#   id: TG-AWS-0004
#   peer_ids:
#     trivy: [AVD-AWS-0086, AVD-AWS-0087, AVD-AWS-0091, AVD-AWS-0093]
#     checkov: [CKV_AWS_53, CKV_AWS_54, CKV_AWS_55, CKV_AWS_56]
#     kics: [48f100d9-f499-4c6d-b2b8-deafe47ffb26, d0cc8694-fcad-43ff-ac86-32331d7e867f, 860ba89b-b8de-4e72-af54-d6aee4138a69, 1a4bc881-9f69-4d44-8c9a-d37d08f54c50]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Set all four settings (block_public_acls, block_public_policy, ignore_public_acls, restrict_public_buckets) to true.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.s3_public_access_block_disabled

import data.lib.aws

tf_keys := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

cfn_keys := ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"]

deny contains res if {
	some t in ["aws_s3_bucket_public_access_block", "aws_s3_account_public_access_block"]
	some r in aws.tf(t)
	some k in tf_keys
	aws.not_true(r.values, k)
	res := aws.res_key(sprintf("%s does not set %s = true", [r.address, k]), r, k)
}

deny contains res if {
	some r in aws.cfn_index["AWS::S3::Bucket"]
	cfg := aws.get(r.Properties, "PublicAccessBlockConfiguration")
	is_object(cfg)
	some k in cfn_keys
	aws.not_true(cfg, k)
	res := aws.res_at_key(sprintf("S3 bucket %s does not set PublicAccessBlockConfiguration.%s to true", [r.logical_id, k]), r, cfg, k)
}
