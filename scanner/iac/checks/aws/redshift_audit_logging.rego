# METADATA
# title: Redshift audit logging is disabled
# description: >-
#   Without audit logging, connections and queries against the cluster are not
#   recorded.
# scope: package
# custom:
#   id: TG-AWS-0053
#   peer_ids:
#     checkov: [CKV_AWS_71]
#     kics: [3de2d4ff-fe53-4fc9-95d3-2f8a69bf90d6, 15ffbacc-fa42-4f6f-a57d-2feac7365caa]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Enable logging (an aws_redshift_logging resource, the logging block, or LoggingProperties).
#   references: [https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.redshift_audit_logging

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_redshift_cluster"]
	v := aws.dig(aws.props(r), ["logging", "enable"])
	not aws.unknown(v)
	aws.off(v)
	count(aws.linked("aws_redshift_logging", "cluster_identifier", r)) == 0
	res := aws.res_path(sprintf("Redshift cluster %s has no audit logging", [aws.rid(r)]), r, ["logging", "enable"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Redshift::Cluster"]
	v := aws.dig(aws.props(r), ["LoggingProperties"])
	aws.unset(v)
	res := aws.res_path(sprintf("Redshift cluster %s has no audit logging", [aws.rid(r)]), r, ["LoggingProperties"])
}
