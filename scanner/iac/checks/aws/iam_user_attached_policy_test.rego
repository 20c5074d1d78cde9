package tollgate.iac.aws.iam_user_attached_policy_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.iam_user_attached_policy as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_iam_user_policy_attachment", {"user": "alice", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})
	count(c.deny) == 1 with input as t.tf("aws_iam_policy_attachment", {"users": ["alice"], "policy_arn": "arn"})
	count(c.deny) == 0 with input as t.tf("aws_iam_policy_attachment", {"groups": ["devs"], "policy_arn": "arn"})
	count(c.deny) == 0 with input as t.tf("aws_iam_group_policy_attachment", {"group": "devs", "policy_arn": "arn"})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::IAM::User", {"ManagedPolicyArns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"]})
	count(c.deny) == 0 with input as t.cfn("AWS::IAM::User", {"Groups": ["devs"]})
}
