# METADATA
# title: RDS deletion protection is disabled
# description: >-
#   Without deletion protection a single API call or a terraform destroy
#   deletes the database.
# scope: package
# custom:
#   id: TG-AWS-0020
#   peer_ids:
#     trivy: [AVD-AWS-0177, AVD-AWS-0343]
#     checkov: [CKV_AWS_293]
#     kics: [2c161e58-cb52-454f-abea-6470c37b5e6e]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set deletion_protection = true (DeletionProtection: true).'
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection]
#   cwe: [CWE-693]
package tollgate.iac.aws.rds_deletion_protection

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_db_instance"]
	v := aws.dig(aws.props(r), ["deletion_protection"])
	not aws.unknown(v)
	aws.off(v)
	aws.unset(aws.get(r.values, "replicate_source_db"))
	res := aws.res_path(sprintf("RDS database %s has deletion protection disabled", [aws.rid(r)]), r, ["deletion_protection"])
}

deny contains res if {
	some r in aws.tf_index["aws_rds_cluster"]
	v := aws.dig(aws.props(r), ["deletion_protection"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("RDS database %s has deletion protection disabled", [aws.rid(r)]), r, ["deletion_protection"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::RDS::DBInstance"]
	v := aws.dig(aws.props(r), ["DeletionProtection"])
	not aws.unknown(v)
	aws.off(v)
	aws.unset(aws.get(r.Properties, "DBClusterIdentifier"))
	res := aws.res_path(sprintf("RDS database %s has deletion protection disabled", [aws.rid(r)]), r, ["DeletionProtection"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::RDS::DBCluster"]
	v := aws.dig(aws.props(r), ["DeletionProtection"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("RDS database %s has deletion protection disabled", [aws.rid(r)]), r, ["DeletionProtection"])
}
