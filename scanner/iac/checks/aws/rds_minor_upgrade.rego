# METADATA
# title: RDS automatic minor version upgrades are disabled
# description: >-
#   With automatic minor version upgrades off, security patches for the
#   database engine are not applied during maintenance windows.
# scope: package
# custom:
#   id: TG-AWS-0023
#   peer_ids:
#     checkov: [CKV_AWS_226]
#     kics: [f0104061-8bfc-4b45-8a7d-630eb502f281, 3b6d777b-76e3-4133-80a3-0d6f667ade7f]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Remove auto_minor_version_upgrade = false (AutoMinorVersionUpgrade: false).'
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Maintenance.html]
#   cwe: [CWE-1104]
package tollgate.iac.aws.rds_minor_upgrade

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_db_instance"]
	v := aws.dig(aws.props(r), ["auto_minor_version_upgrade"])
	v == false
	res := aws.res_path(sprintf("RDS instance %s disables automatic minor version upgrades", [aws.rid(r)]), r, ["auto_minor_version_upgrade"])
}

deny contains res if {
	some r in aws.tf_index["aws_rds_cluster_instance"]
	v := aws.dig(aws.props(r), ["auto_minor_version_upgrade"])
	v == false
	res := aws.res_path(sprintf("RDS instance %s disables automatic minor version upgrades", [aws.rid(r)]), r, ["auto_minor_version_upgrade"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::RDS::DBInstance"]
	v := aws.dig(aws.props(r), ["AutoMinorVersionUpgrade"])
	v in {false, "false"}
	res := aws.res_path(sprintf("RDS instance %s disables automatic minor version upgrades", [aws.rid(r)]), r, ["AutoMinorVersionUpgrade"])
}
