package tollgate.iac.aws.iam_wildcard_resource_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.iam_wildcard_resource as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_iam_policy", {"policy": {"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"}]}})
	count(c.deny) == 0 with input as t.tf("aws_iam_policy", {"policy": {"Statement": [{"Effect": "Allow", "Action": ["ec2:DescribeInstances", "logs:CreateLogGroup"], "Resource": "*"}]}})
	count(c.deny) == 0 with input as t.tf("aws_iam_policy", {"policy": {"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::b/*"}]}})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::IAM::Policy", {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "dynamodb:DeleteTable", "Resource": "*"}]}})
	count(c.deny) == 0 with input as t.cfn("AWS::IAM::Policy", {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "dynamodb:DeleteTable", "Resource": {"Fn::GetAtt": ["T", "Arn"]}}]}})
}
