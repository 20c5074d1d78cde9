package tollgate.iac.aws.firehose_encryption_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.firehose_encryption as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_kinesis_firehose_delivery_stream", {"name": "f"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_kinesis_firehose_delivery_stream", {"server_side_encryption": [{"enabled": true}]})
}

test_tf_good_2 if {
	count(c.deny) == 0 with input as t.tf("aws_kinesis_firehose_delivery_stream", {"kinesis_source_configuration": [{"kinesis_stream_arn": "arn"}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::KinesisFirehose::DeliveryStream", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::KinesisFirehose::DeliveryStream", {"DeliveryStreamEncryptionConfigurationInput": {"KeyType": "AWS_OWNED_CMK"}})
}
