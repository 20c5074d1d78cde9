package tollgate.iac.aws.cognito_user_pool_mfa_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.cognito_user_pool_mfa as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_cognito_user_pool", {"name": "p"})
	count(c.deny) == 1 with input as t.tf("aws_cognito_user_pool", {"name": "p", "mfa_configuration": "OFF"})
	count(c.deny) == 0 with input as t.tf("aws_cognito_user_pool", {"name": "p", "mfa_configuration": "ON"})
	count(c.deny) == 0 with input as t.tf("aws_cognito_user_pool", {"name": "p", "mfa_configuration": t.unknown})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::Cognito::UserPool", {})
	count(c.deny) == 0 with input as t.cfn("AWS::Cognito::UserPool", {"MfaConfiguration": "OPTIONAL"})
}
