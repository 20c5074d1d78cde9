package tollgate.iac.aws.lambda_deprecated_runtime_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.lambda_deprecated_runtime as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_lambda_function", {"runtime": "python3.7"})
	count(c.deny) == 0 with input as t.tf("aws_lambda_function", {"runtime": "python3.12"})
	count(c.deny) == 0 with input as t.tf("aws_lambda_function", {"runtime": t.unknown})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::Serverless::Function", {"Runtime": "nodejs14.x"})
	count(c.deny) == 0 with input as t.cfn("AWS::Lambda::Function", {"Runtime": "nodejs20.x"})
}
