package tollgate.iac.aws.cloudtrail_kms_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.cloudtrail_kms as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_cloudtrail", {"name": "t"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_cloudtrail", {"kms_key_id": {"__ref": "aws_kms_key.trail", "__unknown": true}})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::CloudTrail::Trail", {"IsLogging": true})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::CloudTrail::Trail", {"KMSKeyId": {"Ref": "Key"}})
}
