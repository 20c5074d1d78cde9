package tollgate.iac.aws.lambda_permission_public_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.lambda_permission_public as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_lambda_permission", {"action": "lambda:InvokeFunction", "principal": "*"})
	count(c.deny) == 0 with input as t.tf("aws_lambda_permission", {"action": "lambda:InvokeFunction", "principal": "*", "source_account": "111122223333"})
	count(c.deny) == 0 with input as t.tf("aws_lambda_permission", {"action": "lambda:InvokeFunction", "principal": "s3.amazonaws.com", "source_arn": t.unknown})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::Lambda::Permission", {"Action": "lambda:InvokeFunction", "Principal": "*"})
	count(c.deny) == 0 with input as t.cfn("AWS::Lambda::Permission", {"Action": "lambda:InvokeFunction", "Principal": "apigateway.amazonaws.com", "SourceArn": {"Fn::Sub": "arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*"}})
}
