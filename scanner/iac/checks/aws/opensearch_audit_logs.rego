# METADATA
# title: OpenSearch domain does not publish audit logs
# description: >-
#   Without audit logs, authentication failures and access to indices of the
#   domain are not recorded.
# scope: package
# custom:
#   id: TG-AWS-0126
#   peer_ids:
#     checkov: [CKV_AWS_317]
#     kics: [c420748a-bd4a-46c8-9541-93dd1e0ccf38]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Add a log_publishing_options block with log_type = "AUDIT_LOGS" (LogPublishingOptions AUDIT_LOGS) and enable fine-grained access control.'
#   references: [https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.opensearch_audit_logs

import data.lib.aws

no_audit_tf(opts) if {
	not aws.unknown(opts)
	not "AUDIT_LOGS" in {aws.get(o, "log_type") | some o in aws.as_list(opts)}
}

no_audit_cfn(opts) if {
	not aws.unknown(opts)
	not aws.unknown(object.get(opts, "AUDIT_LOGS", null))
	aws.off(aws.path(opts, ["AUDIT_LOGS", "Enabled"]))
}

no_audit_cfn(opts) if opts == null

deny contains res if {
	some r in aws.tf_index["aws_opensearch_domain"]
	v := aws.dig(aws.props(r), ["log_publishing_options"])
	no_audit_tf(v)
	res := aws.res_path(sprintf("OpenSearch domain %s does not publish audit logs", [aws.rid(r)]), r, ["log_publishing_options"])
}

deny contains res if {
	some r in aws.tf_index["aws_elasticsearch_domain"]
	v := aws.dig(aws.props(r), ["log_publishing_options"])
	no_audit_tf(v)
	res := aws.res_path(sprintf("OpenSearch domain %s does not publish audit logs", [aws.rid(r)]), r, ["log_publishing_options"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::OpenSearchService::Domain"]
	v := aws.dig(aws.props(r), ["LogPublishingOptions"])
	no_audit_cfn(v)
	res := aws.res_path(sprintf("OpenSearch domain %s does not publish audit logs", [aws.rid(r)]), r, ["LogPublishingOptions"])
}
