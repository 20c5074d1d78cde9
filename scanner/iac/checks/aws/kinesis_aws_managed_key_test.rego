package tollgate.iac.aws.kinesis_aws_managed_key_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.kinesis_aws_managed_key as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_kinesis_stream", {"encryption_type": "KMS", "kms_key_id": "alias/aws/kinesis"})
	count(c.deny) == 0 with input as t.tf("aws_kinesis_stream", {"encryption_type": "KMS", "kms_key_id": "alias/stream-key"})
	count(c.deny) == 0 with input as t.tf("aws_kinesis_stream", {"encryption_type": "KMS", "kms_key_id": t.ref("aws_kms_key.k.arn")})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::Kinesis::Stream", {"StreamEncryption": {"EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}})
	count(c.deny) == 0 with input as t.cfn("AWS::Kinesis::Stream", {"StreamEncryption": {"EncryptionType": "KMS", "KeyId": {"Ref": "Key"}}})
}
