package tollgate.iac.aws.rds_public_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.rds_public as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_db_instance", {"engine": "postgres", "publicly_accessible": true})
}

test_tf_bad_2 if {
	count(c.deny) > 0 with input as t.tf("aws_rds_cluster_instance", {"publicly_accessible": true})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {"engine": "postgres", "publicly_accessible": false})
}

test_tf_good_2 if {
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {"engine": "postgres"})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::RDS::DBInstance", {"PubliclyAccessible": "true"})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBInstance", {"PubliclyAccessible": false})
}

test_cfn_good_2 if {
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBInstance", {})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {"engine": "postgres", "publicly_accessible": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBInstance", {"PubliclyAccessible": {"Ref": "SomeParameter"}})
}
