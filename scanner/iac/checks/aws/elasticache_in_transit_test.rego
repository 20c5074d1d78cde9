package tollgate.iac.aws.elasticache_in_transit_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.elasticache_in_transit as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_elasticache_replication_group", {"replication_group_id": "r"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_elasticache_replication_group", {"transit_encryption_enabled": true})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::ElastiCache::ReplicationGroup", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::ElastiCache::ReplicationGroup", {"TransitEncryptionEnabled": true})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_elasticache_replication_group", {"replication_group_id": "r", "transit_encryption_enabled": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::ElastiCache::ReplicationGroup", {"TransitEncryptionEnabled": {"Ref": "SomeParameter"}})
}
