# METADATA
# title: RDS IAM database authentication is disabled
# description: >-
#   IAM database authentication replaces long-lived database passwords with
#   short-lived tokens tied to IAM identities.
# scope: package
# custom:
#   id: TG-AWS-0021
#   peer_ids:
#     trivy: [AVD-AWS-0176]
#     checkov: [CKV_AWS_161]
#     kics: [9fcd0a0a-9b6f-4670-a215-d94e6bf3f184, 88fd05e0-ac0e-43d2-ba6d-fc0ba60ae1a6]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set iam_database_authentication_enabled = true (EnableIAMDatabaseAuthentication: true).'
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html]
#   cwe: [CWE-287]
package tollgate.iac.aws.rds_iam_auth

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_db_instance"]
	v := aws.dig(aws.props(r), ["iam_database_authentication_enabled"])
	not aws.unknown(v)
	aws.off(v)
	aws.unset(aws.get(r.values, "replicate_source_db"))
	regex.match(`mysql|postgres|maria`, aws.get(r.values, "engine"))
	res := aws.res_path(sprintf("RDS database %s does not enable IAM database authentication", [aws.rid(r)]), r, ["iam_database_authentication_enabled"])
}

deny contains res if {
	some r in aws.tf_index["aws_rds_cluster"]
	v := aws.dig(aws.props(r), ["iam_database_authentication_enabled"])
	not aws.unknown(v)
	aws.off(v)
	regex.match(`mysql|postgres|^aurora$`, aws.get(r.values, "engine"))
	res := aws.res_path(sprintf("RDS database %s does not enable IAM database authentication", [aws.rid(r)]), r, ["iam_database_authentication_enabled"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::RDS::DBInstance"]
	v := aws.dig(aws.props(r), ["EnableIAMDatabaseAuthentication"])
	not aws.unknown(v)
	aws.off(v)
	aws.unset(aws.get(r.Properties, "DBClusterIdentifier"))
	regex.match(`mysql|postgres|maria`, aws.get(r.Properties, "Engine"))
	res := aws.res_path(sprintf("RDS database %s does not enable IAM database authentication", [aws.rid(r)]), r, ["EnableIAMDatabaseAuthentication"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::RDS::DBCluster"]
	v := aws.dig(aws.props(r), ["EnableIAMDatabaseAuthentication"])
	not aws.unknown(v)
	aws.off(v)
	regex.match(`mysql|postgres|^aurora$`, aws.get(r.Properties, "Engine"))
	res := aws.res_path(sprintf("RDS database %s does not enable IAM database authentication", [aws.rid(r)]), r, ["EnableIAMDatabaseAuthentication"])
}
