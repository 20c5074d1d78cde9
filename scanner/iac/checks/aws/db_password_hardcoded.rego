# METADATA
# title: Database master password is hard-coded
# description: >-
#   The master password of the database is a literal in the code, so it lives
#   in version control, plans, state and templates.
# scope: package
# custom:
#   id: TG-AWS-0122
#   peer_ids:
#     kics: [39423ce4-9011-46cd-b6b1-009edcd9385d]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Use manage_master_user_password (ManageMasterUserPassword), a Secrets Manager dynamic reference ({{resolve:secretsmanager:...}}) or a variable fed from a secret store.
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html]
#   cwe: [CWE-798]
package tollgate.iac.aws.db_password_hardcoded

import data.lib.aws

tf_fields := {
	"aws_db_instance": "password", "aws_rds_cluster": "master_password",
	"aws_redshift_cluster": "master_password", "aws_docdb_cluster": "master_password",
	"aws_neptune_cluster": "master_password", "aws_dms_endpoint": "password",
	"aws_mq_broker": "password", "aws_elasticache_replication_group": "auth_token",
}

cfn_fields := {
	"AWS::RDS::DBInstance": "MasterUserPassword", "AWS::RDS::DBCluster": "MasterUserPassword",
	"AWS::Redshift::Cluster": "MasterUserPassword", "AWS::DocDB::DBCluster": "MasterUserPassword",
	"AWS::ElastiCache::ReplicationGroup": "AuthToken",
}

deny contains res if {
	some t, k in tf_fields
	some r in aws.tf(t)
	aws.literal_secret(aws.get(r.values, k))
	res := aws.res_key(sprintf("%s has a hard-coded %s", [r.address, k]), r, k)
}

deny contains res if {
	some t, k in cfn_fields
	some r in aws.cfn(t)
	aws.literal_secret(aws.get(r.Properties, k))
	res := aws.res_key(sprintf("%s has a hard-coded %s", [r.logical_id, k]), r, k)
}
