package tollgate.iac.aws.iam_user_inline_policy_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.iam_user_inline_policy as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_iam_user_policy", {"user": "alice", "policy": "{}"})
	count(c.deny) == 0 with input as t.tf("aws_iam_group_policy", {"group": "devs", "policy": "{}"})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::IAM::User", {"Policies": [{"PolicyName": "p", "PolicyDocument": {}}]})
	count(c.deny) == 1 with input as t.cfn("AWS::IAM::Policy", {"Users": [{"Ref": "U"}], "PolicyDocument": {}})
	count(c.deny) == 0 with input as t.cfn("AWS::IAM::User", {"Groups": ["devs"]})
	count(c.deny) == 0 with input as t.cfn("AWS::IAM::Policy", {"Groups": ["devs"], "PolicyDocument": {}})
}
