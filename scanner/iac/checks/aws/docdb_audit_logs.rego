# METADATA
# title: DocumentDB cluster does not export audit logs
# description: >-
#   Without the audit log export, authentication attempts and data definition
#   changes on the cluster are not recorded in CloudWatch Logs.
# scope: package
# custom:
#   id: TG-AWS-0123
#   peer_ids:
#     trivy: [AVD-AWS-0020]
#     checkov: [CKV_AWS_85]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Add "audit" to enabled_cloudwatch_logs_exports (EnableCloudwatchLogsExports) and enable the audit_logs cluster parameter.'
#   references: [https://docs.aws.amazon.com/documentdb/latest/developerguide/event-auditing.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.docdb_audit_logs

import data.lib.aws

missing_audit(types) if {
	not aws.unknown(types)
	not "audit" in {x | some x in aws.as_list(types)}
}

deny contains res if {
	some r in aws.tf_index["aws_docdb_cluster"]
	v := aws.dig(aws.props(r), ["enabled_cloudwatch_logs_exports"])
	missing_audit(v)
	res := aws.res_path(sprintf("DocumentDB cluster %s does not export audit logs", [aws.rid(r)]), r, ["enabled_cloudwatch_logs_exports"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::DocDB::DBCluster"]
	v := aws.dig(aws.props(r), ["EnableCloudwatchLogsExports"])
	missing_audit(v)
	res := aws.res_path(sprintf("DocumentDB cluster %s does not export audit logs", [aws.rid(r)]), r, ["EnableCloudwatchLogsExports"])
}
