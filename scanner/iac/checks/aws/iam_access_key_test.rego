package tollgate.iac.aws.iam_access_key_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.iam_access_key as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_iam_access_key", {"user": "ci"})
	count(c.deny) == 0 with input as t.tf("aws_iam_access_key", {"user": "ci", "status": "Inactive"})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::IAM::AccessKey", {"UserName": "ci"})
	count(c.deny) == 0 with input as t.cfn("AWS::IAM::AccessKey", {"UserName": "ci", "Status": "Inactive"})
}
