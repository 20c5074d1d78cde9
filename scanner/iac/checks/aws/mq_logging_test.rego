package tollgate.iac.aws.mq_logging_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.mq_logging as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_mq_broker", {"broker_name": "b"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_mq_broker", {"logs": [{"general": true, "audit": true}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::AmazonMQ::Broker", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::AmazonMQ::Broker", {"Logs": {"General": true}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_mq_broker", {"broker_name": "b", "logs": {"general": {"__unknown": true}}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::AmazonMQ::Broker", {"Logs": {"General": {"Ref": "SomeParameter"}}})
}
