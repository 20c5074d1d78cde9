package tollgate.iac.aws.lambda_url_auth_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.lambda_url_auth as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_lambda_function_url", {"authorization_type": "NONE"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_lambda_function_url", {"authorization_type": "AWS_IAM"})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::Lambda::Url", {"AuthType": "NONE"})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::Lambda::Url", {"AuthType": "AWS_IAM"})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_lambda_function_url", {"authorization_type": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::Lambda::Url", {"AuthType": {"Ref": "SomeParameter"}})
}

test_cfn_sam_function_url if {
	count(c.deny) == 1 with input as t.cfn("AWS::Serverless::Function", {"FunctionUrlConfig": {"AuthType": "NONE"}})
	count(c.deny) == 0 with input as t.cfn("AWS::Serverless::Function", {"FunctionUrlConfig": {"AuthType": "AWS_IAM"}})
}
