package tollgate.iac.aws.rds_deletion_protection_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.rds_deletion_protection as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_db_instance", {"engine": "mysql"})
}

test_tf_bad_2 if {
	count(c.deny) > 0 with input as t.tf("aws_rds_cluster", {"deletion_protection": false})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {"engine": "mysql", "deletion_protection": true})
}

test_tf_good_2 if {
	count(c.deny) == 0 with input as t.tf("aws_rds_cluster", {"deletion_protection": true})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::RDS::DBInstance", {})
}

test_cfn_bad_2 if {
	count(c.deny) > 0 with input as t.cfn("AWS::RDS::DBCluster", {"DeletionProtection": false})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBInstance", {"DeletionProtection": true})
}

test_cfn_good_2 if {
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBCluster", {"DeletionProtection": "true"})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {"engine": "mysql", "deletion_protection": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBInstance", {"DeletionProtection": {"Ref": "SomeParameter"}})
}
