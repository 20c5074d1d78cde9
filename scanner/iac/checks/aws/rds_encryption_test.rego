package tollgate.iac.aws.rds_encryption_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.rds_encryption as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_db_instance", {"engine": "mysql"})
}

test_tf_bad_2 if {
	count(c.deny) > 0 with input as t.tf("aws_db_instance", {"engine": "mysql", "storage_encrypted": false})
}

test_tf_bad_3 if {
	count(c.deny) > 0 with input as t.tf("aws_rds_cluster", {"engine": "aurora-postgresql"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {"engine": "mysql", "storage_encrypted": true})
}

test_tf_good_2 if {
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {"engine": "mysql", "replicate_source_db": {"__ref": "aws_db_instance.main", "__unknown": true}})
}

test_tf_good_3 if {
	count(c.deny) == 0 with input as t.tf("aws_rds_cluster", {"engine": "aurora-postgresql", "storage_encrypted": true})
}

test_tf_good_4 if {
	count(c.deny) == 0 with input as t.tf("aws_rds_cluster", {"engine": "aurora", "engine_mode": "serverless"})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::RDS::DBInstance", {"Engine": "mysql"})
}

test_cfn_bad_2 if {
	count(c.deny) > 0 with input as t.cfn("AWS::RDS::DBCluster", {"Engine": "aurora-mysql", "StorageEncrypted": "false"})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBInstance", {"Engine": "mysql", "StorageEncrypted": true})
}

test_cfn_good_2 if {
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBInstance", {"DBClusterIdentifier": {"Ref": "Cluster"}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {"engine": "mysql", "storage_encrypted": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBInstance", {"Engine": "mysql", "StorageEncrypted": {"Ref": "SomeParameter"}})
}
