# METADATA
# title: Neptune cluster does not export audit logs
# description: >-
#   Without the audit log export, queries and connections to the Neptune
#   cluster are not recorded in CloudWatch Logs.
# scope: package
# custom:
#   id: TG-AWS-0124
#   peer_ids:
#     trivy: [AVD-AWS-0075]
#     checkov: [CKV_AWS_101]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Add "audit" to enable_cloudwatch_logs_exports (EnableCloudwatchLogsExports) and set neptune_enable_audit_log in the parameter group.'
#   references: [https://docs.aws.amazon.com/neptune/latest/userguide/auditing.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.neptune_audit_logs

import data.lib.aws

missing_audit(types) if {
	not aws.unknown(types)
	not "audit" in {x | some x in aws.as_list(types)}
}

deny contains res if {
	some r in aws.tf_index["aws_neptune_cluster"]
	v := aws.dig(aws.props(r), ["enable_cloudwatch_logs_exports"])
	missing_audit(v)
	res := aws.res_path(sprintf("Neptune cluster %s does not export audit logs", [aws.rid(r)]), r, ["enable_cloudwatch_logs_exports"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Neptune::DBCluster"]
	v := aws.dig(aws.props(r), ["EnableCloudwatchLogsExports"])
	missing_audit(v)
	res := aws.res_path(sprintf("Neptune cluster %s does not export audit logs", [aws.rid(r)]), r, ["EnableCloudwatchLogsExports"])
}
