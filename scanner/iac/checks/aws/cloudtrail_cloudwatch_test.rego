package tollgate.iac.aws.cloudtrail_cloudwatch_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.cloudtrail_cloudwatch as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_cloudtrail", {"name": "t"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_cloudtrail", {"cloud_watch_logs_group_arn": "arn:aws:logs:us-east-1:111122223333:log-group:trail:*"})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::CloudTrail::Trail", {"IsLogging": true})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::CloudTrail::Trail", {"CloudWatchLogsLogGroupArn": {"Fn::GetAtt": ["LG", "Arn"]}})
}
