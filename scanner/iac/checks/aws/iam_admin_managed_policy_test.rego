package tollgate.iac.aws.iam_admin_managed_policy_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.iam_admin_managed_policy as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_iam_role_policy_attachment", {"role": "r", "policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"})
	count(c.deny) == 1 with input as t.tf("aws_iam_role", {"managed_policy_arns": ["arn:aws:iam::aws:policy/AdministratorAccess"]})
	count(c.deny) == 0 with input as t.tf("aws_iam_role_policy_attachment", {"role": "r", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})
	count(c.deny) == 0 with input as t.tf("aws_iam_role_policy_attachment", {"role": "r", "policy_arn": t.unknown})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::IAM::Role", {"ManagedPolicyArns": [{"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess"}]})
	count(c.deny) == 0 with input as t.cfn("AWS::IAM::Role", {"ManagedPolicyArns": ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]})
}
