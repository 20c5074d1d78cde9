# METADATA
# title: MSK broker logging is disabled
# description: >-
#   Without broker logs, connection and authorization activity of the Kafka
#   cluster is not recorded.
# scope: package
# custom:
#   id: TG-AWS-0128
#   peer_ids:
#     trivy: [AVD-AWS-0074]
#     checkov: [CKV_AWS_80]
#     kics: [fc7c2c15-f5d0-4b80-adb2-c89019f8f62b, 2f56b7ab-7fba-4e93-82f0-247e5ddeb239]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Enable a logging_info broker_logs destination (CloudWatch Logs, Firehose or S3).
#   references: [https://docs.aws.amazon.com/msk/latest/developerguide/msk-logging.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.msk_logging

import data.lib.aws

logs_on(bl, keys) if {
	some k in keys
	aws.is_true(aws.dig(bl, [k, "enabled"]))
}

logs_on(bl, keys) if {
	some k in keys
	aws.unknown(aws.dig(bl, [k, "enabled"]))
}

cfn_logs_on(bl) if {
	some k in ["CloudWatchLogs", "Firehose", "S3"]
	not aws.is_false(aws.path(bl, [k, "Enabled"]))
	aws.path(bl, [k, "Enabled"]) != null
}

deny contains res if {
	some r in aws.tf_index["aws_msk_cluster"]
	v := aws.dig(aws.props(r), ["logging_info", "broker_logs"])
	not aws.unknown(v)
	not logs_on(v, ["cloudwatch_logs", "firehose", "s3"])
	res := aws.res_path(sprintf("MSK cluster %s does not enable broker logs", [aws.rid(r)]), r, ["logging_info", "broker_logs"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::MSK::Cluster"]
	v := aws.dig(aws.props(r), ["LoggingInfo", "BrokerLogs"])
	not aws.unknown(v)
	not cfn_logs_on(v)
	res := aws.res_path(sprintf("MSK cluster %s does not enable broker logs", [aws.rid(r)]), r, ["LoggingInfo", "BrokerLogs"])
}
