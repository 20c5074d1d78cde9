package tollgate.iac.aws.lambda_env_cmk_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.lambda_env_cmk as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_lambda_function", {"function_name": "f", "environment": [{"variables": {"STAGE": "prod"}}]})
	count(c.deny) == 0 with input as t.tf("aws_lambda_function", {"function_name": "f", "environment": [{"variables": {"STAGE": "prod"}}], "kms_key_arn": t.ref("aws_kms_key.k.arn")})
	count(c.deny) == 0 with input as t.tf("aws_lambda_function", {"function_name": "f"})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::Lambda::Function", {"Environment": {"Variables": {"STAGE": "prod"}}})
	count(c.deny) == 0 with input as t.cfn("AWS::Lambda::Function", {"Environment": {"Variables": {"STAGE": "prod"}}, "KmsKeyArn": {"Ref": "Key"}})
}
