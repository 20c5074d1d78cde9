package tollgate.iac.aws.secretsmanager_rotation_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.secretsmanager_rotation as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_secretsmanager_secret", {"name": "db"})
	s := t.tfrn("aws_secretsmanager_secret", "db", {"name": "db"})
	rot := t.tfrn("aws_secretsmanager_secret_rotation", "r", {"secret_id": t.ref("aws_secretsmanager_secret.db"), "rotation_rules": [{"automatically_after_days": 30}]})
	count(c.deny) == 0 with input as t.tfdoc([s, rot])
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::SecretsManager::Secret", {"Name": "db"})
	doc := t.cfndoc({"S": t.cfnr("AWS::SecretsManager::Secret", {}), "R": t.cfnr("AWS::SecretsManager::RotationSchedule", {"SecretId": {"Ref": "S"}})})
	count(c.deny) == 0 with input as doc
}
