# METADATA
# title: RDS storage is not encrypted
# description: >-
#   The DB instance or Aurora cluster does not encrypt its storage, backups
#   and snapshots at rest. Encryption cannot be turned on later without a
#   snapshot copy and restore.
# scope: package
# custom:
#   id: TG-AWS-0018
#   peer_ids:
#     trivy: [AVD-AWS-0080, AVD-AWS-0079]
#     checkov: [CKV_AWS_16]
#     kics: [5beacce3-4020-4a3d-9e1d-a36f953df630, 3199c26c-7871-4cb3-99c2-10a59244ce7f]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set storage_encrypted = true (StorageEncrypted: true), ideally with a customer managed kms_key_id.'
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.rds_encryption

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_db_instance"]
	v := aws.dig(aws.props(r), ["storage_encrypted"])
	not aws.unknown(v)
	aws.off(v)
	aws.unset(aws.get(r.values, "replicate_source_db"))
	aws.unset(aws.get(r.values, "snapshot_identifier"))
	not startswith(aws.get(r.values, "engine"), "aurora")
	res := aws.res_path(sprintf("RDS database %s does not encrypt its storage", [aws.rid(r)]), r, ["storage_encrypted"])
}

deny contains res if {
	some r in aws.tf_index["aws_rds_cluster"]
	v := aws.dig(aws.props(r), ["storage_encrypted"])
	not aws.unknown(v)
	aws.off(v)
	not aws.get(r.values, "engine_mode") == "serverless"
	aws.unset(aws.get(r.values, "snapshot_identifier"))
	aws.unset(aws.get(r.values, "replication_source_identifier"))
	res := aws.res_path(sprintf("RDS database %s does not encrypt its storage", [aws.rid(r)]), r, ["storage_encrypted"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::RDS::DBInstance"]
	v := aws.dig(aws.props(r), ["StorageEncrypted"])
	not aws.unknown(v)
	aws.off(v)
	aws.unset(aws.get(r.Properties, "DBClusterIdentifier"))
	aws.unset(aws.get(r.Properties, "SourceDBInstanceIdentifier"))
	aws.unset(aws.get(r.Properties, "DBSnapshotIdentifier"))
	res := aws.res_path(sprintf("RDS database %s does not encrypt its storage", [aws.rid(r)]), r, ["StorageEncrypted"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::RDS::DBCluster"]
	v := aws.dig(aws.props(r), ["StorageEncrypted"])
	not aws.unknown(v)
	aws.off(v)
	not aws.get(r.Properties, "EngineMode") == "serverless"
	aws.unset(aws.get(r.Properties, "SnapshotIdentifier"))
	aws.unset(aws.get(r.Properties, "SourceDBClusterIdentifier"))
	res := aws.res_path(sprintf("RDS database %s does not encrypt its storage", [aws.rid(r)]), r, ["StorageEncrypted"])
}
