package tollgate.iac.aws.rds_multi_az_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.rds_multi_az as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_db_instance", {"engine": "mysql"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {"engine": "mysql", "multi_az": true})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::RDS::DBInstance", {"Engine": "mysql", "MultiAZ": false})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBInstance", {"Engine": "mysql", "MultiAZ": true})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {"engine": "mysql", "multi_az": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBInstance", {"Engine": "mysql", "MultiAZ": {"Ref": "SomeParameter"}})
}
