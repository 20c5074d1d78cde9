package tollgate.iac.aws.sqs_encryption_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.sqs_encryption as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_sqs_queue", {"name": "q"})
}

test_tf_bad_2 if {
	count(c.deny) > 0 with input as t.tf("aws_sqs_queue", {"sqs_managed_sse_enabled": false})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_sqs_queue", {"sqs_managed_sse_enabled": true})
}

test_tf_good_2 if {
	count(c.deny) == 0 with input as t.tf("aws_sqs_queue", {"kms_master_key_id": "alias/aws/sqs"})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::SQS::Queue", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::SQS::Queue", {"KmsMasterKeyId": "alias/aws/sqs"})
}

test_cfn_good_2 if {
	count(c.deny) == 0 with input as t.cfn("AWS::SQS::Queue", {"SqsManagedSseEnabled": true})
}
