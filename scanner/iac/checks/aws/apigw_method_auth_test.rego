package tollgate.iac.aws.apigw_method_auth_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.apigw_method_auth as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_api_gateway_method", {"http_method": "GET", "authorization": "NONE"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_api_gateway_method", {"http_method": "GET", "authorization": "AWS_IAM"})
}

test_tf_good_2 if {
	count(c.deny) == 0 with input as t.tf("aws_api_gateway_method", {"http_method": "OPTIONS", "authorization": "NONE"})
}

test_tf_good_3 if {
	count(c.deny) == 0 with input as t.tf("aws_api_gateway_method", {"http_method": "GET", "authorization": "NONE", "api_key_required": true})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::ApiGateway::Method", {"HttpMethod": "POST"})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::ApiGateway::Method", {"HttpMethod": "POST", "AuthorizationType": "COGNITO_USER_POOLS"})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_api_gateway_method", {"http_method": "GET", "authorization": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::ApiGateway::Method", {"HttpMethod": "POST", "AuthorizationType": {"Ref": "SomeParameter"}})
}
