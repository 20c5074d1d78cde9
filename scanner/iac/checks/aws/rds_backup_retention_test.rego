package tollgate.iac.aws.rds_backup_retention_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.rds_backup_retention as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_db_instance", {"engine": "mysql", "backup_retention_period": 0})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {"engine": "mysql", "backup_retention_period": 7})
}

test_tf_good_2 if {
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {"engine": "mysql"})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::RDS::DBInstance", {"BackupRetentionPeriod": "0"})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBInstance", {"BackupRetentionPeriod": 14})
}

test_cfn_good_2 if {
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBInstance", {})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {"engine": "mysql", "backup_retention_period": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBInstance", {"BackupRetentionPeriod": {"Ref": "SomeParameter"}})
}
