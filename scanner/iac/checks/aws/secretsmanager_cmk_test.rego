package tollgate.iac.aws.secretsmanager_cmk_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.secretsmanager_cmk as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_secretsmanager_secret", {"name": "s"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_secretsmanager_secret", {"kms_key_id": {"__ref": "aws_kms_key.k", "__unknown": true}})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::SecretsManager::Secret", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::SecretsManager::Secret", {"KmsKeyId": {"Ref": "Key"}})
}

test_tf_bad_aws_managed_alias if {
	count(c.deny) == 1 with input as t.tf("aws_secretsmanager_secret", {"kms_key_id": "alias/aws/secretsmanager"})
}

test_tf_bad_aws_managed_alias_arn if {
	count(c.deny) == 1 with input as t.tf("aws_secretsmanager_secret", {"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:alias/aws/secretsmanager"})
}

test_tf_good_customer_alias if {
	count(c.deny) == 0 with input as t.tf("aws_secretsmanager_secret", {"kms_key_id": "alias/app-secrets"})
}

test_cfn_bad_aws_managed_alias if {
	count(c.deny) == 1 with input as t.cfn("AWS::SecretsManager::Secret", {"KmsKeyId": "alias/aws/secretsmanager"})
}
