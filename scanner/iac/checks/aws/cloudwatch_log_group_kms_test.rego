package tollgate.iac.aws.cloudwatch_log_group_kms_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.cloudwatch_log_group_kms as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_cloudwatch_log_group", {"name": "g"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_cloudwatch_log_group", {"kms_key_id": {"__ref": "aws_kms_key.logs", "__unknown": true}})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::Logs::LogGroup", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::Logs::LogGroup", {"KmsKeyId": {"Fn::GetAtt": ["Key", "Arn"]}})
}
