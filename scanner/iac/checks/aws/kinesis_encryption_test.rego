package tollgate.iac.aws.kinesis_encryption_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.kinesis_encryption as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_kinesis_stream", {"name": "s"})
}

test_tf_bad_2 if {
	count(c.deny) > 0 with input as t.tf("aws_kinesis_stream", {"encryption_type": "NONE"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_kinesis_stream", {"encryption_type": "KMS", "kms_key_id": "alias/aws/kinesis"})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::Kinesis::Stream", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::Kinesis::Stream", {"StreamEncryption": {"EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}})
}
