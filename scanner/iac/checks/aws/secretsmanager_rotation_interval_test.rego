package tollgate.iac.aws.secretsmanager_rotation_interval_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.secretsmanager_rotation_interval as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_secretsmanager_secret_rotation", {"rotation_rules": [{"automatically_after_days": 180}]})
	count(c.deny) == 0 with input as t.tf("aws_secretsmanager_secret_rotation", {"rotation_rules": [{"automatically_after_days": 30}]})
	count(c.deny) == 0 with input as t.tf("aws_secretsmanager_secret_rotation", {"rotation_rules": [{"schedule_expression": "rate(30 days)"}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::SecretsManager::RotationSchedule", {"RotationRules": {"AutomaticallyAfterDays": 365}})
	count(c.deny) == 0 with input as t.cfn("AWS::SecretsManager::RotationSchedule", {"RotationRules": {"AutomaticallyAfterDays": 90}})
}
