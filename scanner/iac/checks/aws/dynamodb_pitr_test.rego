package tollgate.iac.aws.dynamodb_pitr_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.dynamodb_pitr as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_dynamodb_table", {"name": "t"})
}

test_tf_bad_2 if {
	count(c.deny) > 0 with input as t.tf("aws_dynamodb_table", {"point_in_time_recovery": [{"enabled": false}]})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_dynamodb_table", {"point_in_time_recovery": [{"enabled": true}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::DynamoDB::Table", {"PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": false}})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::DynamoDB::Table", {"PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": true}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_dynamodb_table", {"name": "t", "point_in_time_recovery": {"enabled": {"__unknown": true}}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::DynamoDB::Table", {"PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": {"Ref": "SomeParameter"}}})
}
