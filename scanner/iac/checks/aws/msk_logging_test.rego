package tollgate.iac.aws.msk_logging_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.msk_logging as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_msk_cluster", {"cluster_name": "k"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_msk_cluster", {"logging_info": [{"broker_logs": [{"cloudwatch_logs": [{"enabled": true, "log_group": "g"}]}]}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::MSK::Cluster", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::MSK::Cluster", {"LoggingInfo": {"BrokerLogs": {"S3": {"Enabled": true, "Bucket": "logs"}}}})
}
