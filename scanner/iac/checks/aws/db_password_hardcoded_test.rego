package tollgate.iac.aws.db_password_hardcoded_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.db_password_hardcoded as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_db_instance", {"password": "FakePassw0rd!"})
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {"password": t.unknown})
	count(c.deny) == 0 with input as t.tf("aws_db_instance", {"manage_master_user_password": true})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::RDS::DBCluster", {"MasterUserPassword": "FakePassw0rd!"})
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBCluster", {"MasterUserPassword": "{{resolve:secretsmanager:db:SecretString:password}}"})
	count(c.deny) == 0 with input as t.cfn("AWS::RDS::DBCluster", {"MasterUserPassword": {"Ref": "DbPassword"}})
}
