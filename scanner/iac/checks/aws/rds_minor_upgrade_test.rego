package tollgate.iac.aws.rds_minor_upgrade_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.rds_minor_upgrade as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_db_instance", {"auto_minor_version_upgrade": false})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {})
}

test_tf_good_2 if {
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {"auto_minor_version_upgrade": true})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::RDS::DBInstance", {"AutoMinorVersionUpgrade": "false"})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBInstance", {})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {"auto_minor_version_upgrade": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBInstance", {"AutoMinorVersionUpgrade": {"Ref": "SomeParameter"}})
}
