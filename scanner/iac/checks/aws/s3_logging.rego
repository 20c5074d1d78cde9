# METADATA
# title: S3 bucket access logging is not enabled
# description: >-
#   Server access logs are the record of who read or changed objects; without
#   them an incident on the bucket cannot be investigated.
# scope: package
# custom:
#   id: TG-AWS-0007
#   peer_ids:
#     trivy: [AVD-AWS-0089]
#     checkov: [CKV_AWS_18]
#     kics: [4552b71f-0a2a-4bc4-92dd-ed7ec1b4674c, f861041c-8c9f-4156-acfc-5e6e524f5884]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Add an aws_s3_bucket_logging (or LoggingConfiguration) sending access logs to a dedicated log bucket.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.s3_logging

import data.lib.aws

# a bucket that receives logs does not need to log itself
log_target(r) if count(aws.linked_exact("aws_s3_bucket_logging", "target_bucket", r)) > 0

log_target(r) if {
	some b in aws.tf_index["aws_s3_bucket"]
	some l in aws.blocks(b.values, "logging")
	aws.tf_refs(aws.get(l, "target_bucket"), r)
}

log_target(r) if aws.get(r.values, "acl") == "log-delivery-write"

log_target(r) if {
	some a in aws.tf_index["aws_s3_bucket_acl"]
	aws.tf_refs(aws.get(a.values, "bucket"), r)
	aws.get(a.values, "acl") == "log-delivery-write"
}

deny contains res if {
	some r in aws.tf_index["aws_s3_bucket"]
	aws.no_block(r.values, "logging")
	count(aws.linked("aws_s3_bucket_logging", "bucket", r)) == 0
	not log_target(r)
	res := aws.res(sprintf("S3 bucket %s has no access logging", [r.address]), r)
}

cfn_log_target(r) if aws.get(r.Properties, "AccessControl") == "LogDeliveryWrite"

cfn_log_target(r) if {
	some b in aws.cfn_index["AWS::S3::Bucket"]
	aws.cfn_refs(aws.path(b.Properties, ["LoggingConfiguration", "DestinationBucketName"]), r.logical_id)
}

deny contains res if {
	some r in aws.cfn_index["AWS::S3::Bucket"]
	aws.absent(r.Properties, "LoggingConfiguration")
	not cfn_log_target(r)
	res := aws.res(sprintf("S3 bucket %s has no LoggingConfiguration", [r.logical_id]), r)
}
