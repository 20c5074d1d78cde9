# METADATA
# title: CloudFront distribution access logging is disabled
# description: >-
#   Without standard logging, viewer requests served by the distribution are
#   not recorded.
# scope: package
# custom:
#   id: TG-AWS-0102
#   peer_ids:
#     trivy: [AVD-AWS-0010]
#     checkov: [CKV_AWS_86]
#     kics: [de77cd9f-0e8b-46cc-b4a4-b6b436838642, 94690d79-b3b0-43de-b656-84ebef5753e5]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Add a logging_config block (DistributionConfig Logging) pointing at a log bucket.
#   references: [https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.cloudfront_logging

import data.lib.aws

v2_logging if count(aws.tf_index["aws_cloudwatch_log_delivery_source"]) > 0

deny contains res if {
	some r in aws.tf_index["aws_cloudfront_distribution"]
	aws.no_block(r.values, "logging_config")
	not v2_logging
	res := aws.res(sprintf("CloudFront distribution %s has no access logging", [r.address]), r)
}

deny contains res if {
	some r in aws.cfn_index["AWS::CloudFront::Distribution"]
	cfg := aws.get(r.Properties, "DistributionConfig")
	aws.absent(cfg, "Logging")
	count(aws.cfn("AWS::Logs::DeliverySource")) == 0
	res := aws.res(sprintf("CloudFront distribution %s has no access logging", [r.logical_id]), r)
}
