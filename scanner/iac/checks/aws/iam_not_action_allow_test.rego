package tollgate.iac.aws.iam_not_action_allow_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.iam_not_action_allow as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_iam_policy", {"policy": {"Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}})
	d := t.tfd("aws_iam_policy_document", "p", {"statement": [{"not_actions": ["iam:*"], "resources": ["*"]}]})
	count(c.deny) == 1 with input as t.tfdoc([d])
	count(c.deny) == 0 with input as t.tf("aws_iam_policy", {"policy": {"Statement": [{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*"}]}})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::IAM::ManagedPolicy", {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::x"}]}})
	count(c.deny) == 0 with input as t.cfn("AWS::IAM::ManagedPolicy", {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::x"}]}})
}
