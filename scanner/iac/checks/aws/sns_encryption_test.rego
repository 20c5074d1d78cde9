package tollgate.iac.aws.sns_encryption_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.sns_encryption as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_sns_topic", {"name": "t"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_sns_topic", {"kms_master_key_id": "alias/aws/sns"})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::SNS::Topic", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::SNS::Topic", {"KmsMasterKeyId": "alias/aws/sns"})
}
