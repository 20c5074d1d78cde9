package tollgate.iac.aws.elasticache_backup_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.elasticache_backup as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_elasticache_replication_group", {"replication_group_id": "r"})
}

test_tf_bad_2 if {
	count(c.deny) > 0 with input as t.tf("aws_elasticache_cluster", {"engine": "redis", "snapshot_retention_limit": 0})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_elasticache_replication_group", {"snapshot_retention_limit": 7})
}

test_tf_good_2 if {
	count(c.deny) == 0 with input as t.tf("aws_elasticache_cluster", {"engine": "memcached"})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::ElastiCache::ReplicationGroup", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::ElastiCache::ReplicationGroup", {"SnapshotRetentionLimit": 5})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_elasticache_replication_group", {"replication_group_id": "r", "snapshot_retention_limit": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::ElastiCache::ReplicationGroup", {"SnapshotRetentionLimit": {"Ref": "SomeParameter"}})
}
