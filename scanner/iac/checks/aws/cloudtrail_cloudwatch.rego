# METADATA
# title: CloudTrail is not integrated with CloudWatch Logs
# description: >-
#   Sending CloudTrail events to CloudWatch Logs enables real-time metric
#   filters and alarms on sensitive API calls.
# scope: package
# custom:
#   id: TG-AWS-0040
#   peer_ids:
#     trivy: [AVD-AWS-0162]
#     checkov: [CKV2_AWS_10]
#     kics: [65d07da5-9af5-44df-8983-52d2e6f24c44, 17b30f8f-8dfb-4597-adf6-57600b6cf25e]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Set cloud_watch_logs_group_arn and cloud_watch_logs_role_arn (CloudWatchLogsLogGroupArn / CloudWatchLogsRoleArn).
#   references: [https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.cloudtrail_cloudwatch

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_cloudtrail"]
	v := aws.dig(aws.props(r), ["cloud_watch_logs_group_arn"])
	aws.unset(v)
	res := aws.res_path(sprintf("CloudTrail %s does not send events to CloudWatch Logs", [aws.rid(r)]), r, ["cloud_watch_logs_group_arn"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::CloudTrail::Trail"]
	v := aws.dig(aws.props(r), ["CloudWatchLogsLogGroupArn"])
	aws.unset(v)
	res := aws.res_path(sprintf("CloudTrail %s does not send events to CloudWatch Logs", [aws.rid(r)]), r, ["CloudWatchLogsLogGroupArn"])
}
