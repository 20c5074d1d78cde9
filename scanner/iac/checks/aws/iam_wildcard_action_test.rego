package tollgate.iac.aws.iam_wildcard_action_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.iam_wildcard_action as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_iam_policy", {"policy": {"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b"}]}})
	count(c.deny) == 1 with input as t.tf("aws_iam_user_policy", {"policy": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::b"}]}})
	count(c.deny) == 0 with input as t.tf("aws_iam_policy", {"policy": {"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:Get*"], "Resource": "arn:aws:s3:::b"}]}})
	count(c.deny) == 0 with input as t.tf("aws_iam_policy", {"policy": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::IAM::Policy", {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["iam:*"], "Resource": "*"}]}})
	count(c.deny) == 0 with input as t.cfn("AWS::IAM::Policy", {"PolicyDocument": {"Statement": [{"Effect": "Deny", "Action": ["iam:*"], "Resource": "*"}]}})
}
