package tollgate.iac.aws.lambda_tracing_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.lambda_tracing as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_lambda_function", {"function_name": "f"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_lambda_function", {"tracing_config": [{"mode": "Active"}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::Lambda::Function", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::Lambda::Function", {"TracingConfig": {"Mode": "Active"}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_lambda_function", {"function_name": "f", "tracing_config": {"mode": {"__unknown": true}}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::Lambda::Function", {"TracingConfig": {"Mode": {"Ref": "SomeParameter"}}})
}
