# METADATA
# title: S3 bucket has no public access block
# description: >-
#   Without an S3 public access block (on the bucket or the account), a later
#   ACL or bucket policy change can make the bucket public.
# scope: package
# custom:
#   id: TG-AWS-0003
#   peer_ids:
#     trivy: [AVD-AWS-0094]
#     checkov: [CKV2_AWS_6]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Add an aws_s3_bucket_public_access_block (or PublicAccessBlockConfiguration) with all four settings true.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.s3_public_access_block

import data.lib.aws

account_block if count(aws.tf_index["aws_s3_account_public_access_block"]) > 0

deny contains res if {
	some r in aws.tf_index["aws_s3_bucket"]
	not account_block
	count(aws.linked("aws_s3_bucket_public_access_block", "bucket", r)) == 0
	res := aws.res(sprintf("S3 bucket %s has no public access block", [r.address]), r)
}

deny contains res if {
	some r in aws.cfn_index["AWS::S3::Bucket"]
	aws.absent(r.Properties, "PublicAccessBlockConfiguration")
	res := aws.res(sprintf("S3 bucket %s has no PublicAccessBlockConfiguration", [r.logical_id]), r)
}
