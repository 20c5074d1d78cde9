# METADATA
# title: RDS automated backups are disabled
# description: >-
#   A backup retention period of 0 disables automated backups and
#   point-in-time recovery, so data lost to a mistake or an attack cannot be
#   restored.
# scope: package
# custom:
#   id: TG-AWS-0019
#   peer_ids:
#     trivy: [AVD-AWS-0077]
#     kics: [8c415f6f-7b90-4a27-a44a-51047e1506f9, 1dc73fb4-5b51-430c-8c5f-25dcf9090b02]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Set backup_retention_period (BackupRetentionPeriod) to at least 7 days.
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html]
#   cwe: [CWE-693]
package tollgate.iac.aws.rds_backup_retention

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_db_instance"]
	v := aws.dig(aws.props(r), ["backup_retention_period"])
	aws.num(v) < 1
	aws.unset(aws.get(r.values, "replicate_source_db"))
	res := aws.res_path(sprintf("RDS database %s has automated backups disabled (retention 0)", [aws.rid(r)]), r, ["backup_retention_period"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::RDS::DBInstance"]
	v := aws.dig(aws.props(r), ["BackupRetentionPeriod"])
	aws.num(v) < 1
	aws.unset(aws.get(r.Properties, "SourceDBInstanceIdentifier"))
	res := aws.res_path(sprintf("RDS database %s has automated backups disabled (retention 0)", [aws.rid(r)]), r, ["BackupRetentionPeriod"])
}
