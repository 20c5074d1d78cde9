# METADATA
# title: ElastiCache Redis has no automatic backups
# description: >-
#   With a snapshot retention limit of 0 (the default), the Redis/Valkey data
#   of the cluster is never backed up.
# scope: package
# custom:
#   id: TG-AWS-0127
#   peer_ids:
#     trivy: [AVD-AWS-0050]
#     checkov: [CKV_AWS_134]
#     kics: [8fdb08a0-a868-4fdf-9c27-ccab0237f1ab]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Set snapshot_retention_limit (SnapshotRetentionLimit) to at least 1 day.
#   references: [https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html]
#   cwe: [CWE-693]
package tollgate.iac.aws.elasticache_backup

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_elasticache_replication_group"]
	v := aws.dig(aws.props(r), ["snapshot_retention_limit"])
	not aws.unknown(v)
	aws.num_or(v, 0) < 1
	not aws.get(r.values, "engine") == "memcached"
	res := aws.res_path(sprintf("ElastiCache %s does not keep automatic backups", [aws.rid(r)]), r, ["snapshot_retention_limit"])
}

deny contains res if {
	some r in aws.tf_index["aws_elasticache_cluster"]
	v := aws.dig(aws.props(r), ["snapshot_retention_limit"])
	not aws.unknown(v)
	aws.num_or(v, 0) < 1
	aws.get(r.values, "engine") in {"redis", "valkey"}
	res := aws.res_path(sprintf("ElastiCache %s does not keep automatic backups", [aws.rid(r)]), r, ["snapshot_retention_limit"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::ElastiCache::ReplicationGroup"]
	v := aws.dig(aws.props(r), ["SnapshotRetentionLimit"])
	not aws.unknown(v)
	aws.num_or(v, 0) < 1
	not aws.get(r.Properties, "Engine") == "memcached"
	res := aws.res_path(sprintf("ElastiCache %s does not keep automatic backups", [aws.rid(r)]), r, ["SnapshotRetentionLimit"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::ElastiCache::CacheCluster"]
	v := aws.dig(aws.props(r), ["SnapshotRetentionLimit"])
	not aws.unknown(v)
	aws.num_or(v, 0) < 1
	aws.get(r.Properties, "Engine") in {"redis", "valkey"}
	res := aws.res_path(sprintf("ElastiCache %s does not keep automatic backups", [aws.rid(r)]), r, ["SnapshotRetentionLimit"])
}
