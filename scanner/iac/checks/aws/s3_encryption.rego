# METADATA
# title: S3 bucket has no server-side encryption configuration
# description: >-
#   The bucket does not declare default server-side encryption (in the bucket
#   or through a separate aws_s3_bucket_server_side_encryption_configuration),
#   so the encryption of its objects is left to defaults and to each writer.
# scope: package
# custom:
#   id: TG-AWS-0005
#   peer_ids:
#     trivy: [AVD-AWS-0088]
#     checkov: [CKV_AWS_19]
#     kics: [b2e8752c-3497-4255-98d2-e4ae5b46bbf5]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Add an aws_s3_bucket_server_side_encryption_configuration (or BucketEncryption) using aws:kms with a customer managed key, or AES256.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.s3_encryption

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_s3_bucket"]
	aws.no_block(r.values, "server_side_encryption_configuration")
	count(aws.linked("aws_s3_bucket_server_side_encryption_configuration", "bucket", r)) == 0
	res := aws.res(sprintf("S3 bucket %s has no server-side encryption configuration", [r.address]), r)
}

deny contains res if {
	some r in aws.cfn_index["AWS::S3::Bucket"]
	aws.absent(r.Properties, "BucketEncryption")
	res := aws.res(sprintf("S3 bucket %s has no BucketEncryption", [r.logical_id]), r)
}
