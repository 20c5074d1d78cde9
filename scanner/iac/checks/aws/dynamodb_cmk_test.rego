package tollgate.iac.aws.dynamodb_cmk_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.dynamodb_cmk as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_dynamodb_table", {"name": "t"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_dynamodb_table", {"server_side_encryption": [{"enabled": true}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::DynamoDB::Table", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::DynamoDB::Table", {"SSESpecification": {"SSEEnabled": true}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_dynamodb_table", {"name": "t", "server_side_encryption": {"enabled": {"__unknown": true}}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::DynamoDB::Table", {"SSESpecification": {"SSEEnabled": {"Ref": "SomeParameter"}}})
}
