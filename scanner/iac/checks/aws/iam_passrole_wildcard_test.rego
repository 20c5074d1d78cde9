package tollgate.iac.aws.iam_passrole_wildcard_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.iam_passrole_wildcard as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_iam_policy", {"policy": {"Statement": [{"Effect": "Allow", "Action": ["iam:PassRole", "ec2:RunInstances"], "Resource": "*"}]}})
	count(c.deny) == 1 with input as t.tf("aws_iam_policy", {"policy": {"Statement": [{"Effect": "Allow", "Action": "iam:Pass*", "Resource": "*"}]}})
	count(c.deny) == 0 with input as t.tf("aws_iam_policy", {"policy": {"Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app"}]}})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::IAM::Policy", {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]}})
	count(c.deny) == 0 with input as t.cfn("AWS::IAM::Policy", {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "*"}]}})
}
