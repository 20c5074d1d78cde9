package tollgate.iac.aws.lambda_env_secrets_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.lambda_env_secrets as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_lambda_function", {"environment": [{"variables": {"DB_PASSWORD": "Sup3rS3cretValue", "STAGE": "prod"}}]})
	count(c.deny) == 1 with input as t.tf("aws_lambda_function", {"environment": [{"variables": {"STRIPE_API_KEY": "sk_test_FAKEFAKEFAKE1234"}}]})
	count(c.deny) == 0 with input as t.tf("aws_lambda_function", {"environment": [{"variables": {"DB_PASSWORD_SECRET_ARN": "arn:aws:secretsmanager:us-east-1:111122223333:secret:db", "DB_PASSWORD": t.unknown}}]})
	count(c.deny) == 0 with input as t.tf("aws_lambda_function", {"environment": [{"variables": {"TOKEN_PARAM": "/app/token", "STAGE": "prod"}}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::Lambda::Function", {"Environment": {"Variables": {"API_TOKEN": "ghp_FAKEFAKEFAKEFAKE"}}})
	count(c.deny) == 0 with input as t.cfn("AWS::Lambda::Function", {"Environment": {"Variables": {"API_TOKEN": "{{resolve:secretsmanager:api:SecretString:token}}", "SECRET": {"Ref": "SecretParam"}}}})
}

test_tf_pointer_names_not_reported if {
	vars := {"TOKEN_TABLE": "tokens", "SECRET_NAME": "prod/db", "API_KEY_HEADER": "x-api-key", "PASSWORD_MIN_LENGTH": "12", "DB_USER": "app"}
	count(c.deny) == 0 with input as t.tf("aws_lambda_function", {"environment": [{"variables": vars}]})
}
