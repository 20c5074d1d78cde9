# METADATA
# title: ElastiCache replication group is not encrypted at rest
# description: >-
#   Cached data, backups and snapshots of the replication group are stored
#   unencrypted.
# scope: package
# custom:
#   id: TG-AWS-0055
#   peer_ids:
#     trivy: [AVD-AWS-0045]
#     checkov: [CKV_AWS_29]
#     kics: [76976de7-c7b1-4f64-a94f-90c1345914c2, e4ee3903-9225-4b6a-bdfb-e62dbadef821]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set at_rest_encryption_enabled = true (AtRestEncryptionEnabled: true).'
#   references: [https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.elasticache_at_rest

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_elasticache_replication_group"]
	v := aws.dig(aws.props(r), ["at_rest_encryption_enabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("ElastiCache replication group %s is not encrypted at rest", [aws.rid(r)]), r, ["at_rest_encryption_enabled"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::ElastiCache::ReplicationGroup"]
	v := aws.dig(aws.props(r), ["AtRestEncryptionEnabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("ElastiCache replication group %s is not encrypted at rest", [aws.rid(r)]), r, ["AtRestEncryptionEnabled"])
}
