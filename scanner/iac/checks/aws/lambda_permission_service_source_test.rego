package tollgate.iac.aws.lambda_permission_service_source_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.lambda_permission_service_source as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_lambda_permission", {"action": "lambda:InvokeFunction", "function_name": "f", "principal": "s3.amazonaws.com"})
	count(c.deny) == 0 with input as t.tf("aws_lambda_permission", {"function_name": "f", "principal": "s3.amazonaws.com", "source_arn": t.ref("aws_s3_bucket.b.arn")})
	count(c.deny) == 0 with input as t.tf("aws_lambda_permission", {"function_name": "f", "principal": "sns.amazonaws.com", "source_account": "111111111111"})
	count(c.deny) == 0 with input as t.tf("aws_lambda_permission", {"function_name": "f", "principal": "111111111111"})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::Lambda::Permission", {"FunctionName": "f", "Principal": "events.amazonaws.com", "Action": "lambda:InvokeFunction"})
	count(c.deny) == 0 with input as t.cfn("AWS::Lambda::Permission", {"FunctionName": "f", "Principal": "events.amazonaws.com", "SourceArn": {"Fn::GetAtt": ["Rule", "Arn"]}})
}
