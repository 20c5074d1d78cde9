package tollgate.iac.aws.docdb_encryption_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.docdb_encryption as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_docdb_cluster", {"cluster_identifier": "d"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_docdb_cluster", {"storage_encrypted": true})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::DocDB::DBCluster", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::DocDB::DBCluster", {"StorageEncrypted": true})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_docdb_cluster", {"cluster_identifier": "d", "storage_encrypted": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::DocDB::DBCluster", {"StorageEncrypted": {"Ref": "SomeParameter"}})
}
