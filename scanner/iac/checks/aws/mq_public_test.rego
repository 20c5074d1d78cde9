package tollgate.iac.aws.mq_public_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.mq_public as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_mq_broker", {"publicly_accessible": true})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_mq_broker", {"publicly_accessible": false})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::AmazonMQ::Broker", {"PubliclyAccessible": "true"})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::AmazonMQ::Broker", {"PubliclyAccessible": false})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_mq_broker", {"publicly_accessible": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::AmazonMQ::Broker", {"PubliclyAccessible": {"Ref": "SomeParameter"}})
}
