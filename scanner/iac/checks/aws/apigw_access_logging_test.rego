package tollgate.iac.aws.apigw_access_logging_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.apigw_access_logging as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_api_gateway_stage", {"stage_name": "prod"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_api_gateway_stage", {"access_log_settings": [{"destination_arn": "arn", "format": "$context.requestId"}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::ApiGateway::Stage", {"StageName": "prod"})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::ApiGateway::Stage", {"AccessLogSetting": {"DestinationArn": "arn"}})
}
