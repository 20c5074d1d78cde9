package tollgate.iac.aws.rds_iam_auth_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.rds_iam_auth as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_db_instance", {"engine": "postgres"})
}

test_tf_bad_2 if {
	count(c.deny) > 0 with input as t.tf("aws_rds_cluster", {"engine": "aurora-mysql", "iam_database_authentication_enabled": false})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {"engine": "postgres", "iam_database_authentication_enabled": true})
}

test_tf_good_2 if {
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {"engine": "sqlserver-ex"})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::RDS::DBInstance", {"Engine": "mysql"})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBInstance", {"Engine": "mysql", "EnableIAMDatabaseAuthentication": true})
}

test_cfn_good_2 if {
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBInstance", {"Engine": "oracle-ee"})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {"engine": "postgres", "iam_database_authentication_enabled": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBInstance", {"Engine": "mysql", "EnableIAMDatabaseAuthentication": {"Ref": "SomeParameter"}})
}
