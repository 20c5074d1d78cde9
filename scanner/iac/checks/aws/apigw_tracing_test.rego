package tollgate.iac.aws.apigw_tracing_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.apigw_tracing as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_api_gateway_stage", {"stage_name": "prod"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_api_gateway_stage", {"xray_tracing_enabled": true})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::ApiGateway::Stage", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::ApiGateway::Stage", {"TracingEnabled": true})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_api_gateway_stage", {"stage_name": "prod", "xray_tracing_enabled": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::ApiGateway::Stage", {"TracingEnabled": {"Ref": "SomeParameter"}})
}
