package tollgate.iac.aws.iam_trust_public_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.iam_trust_public as c

test_tf if {
	p := {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}
	count(c.deny) == 1 with input as t.tf("aws_iam_role", {"assume_role_policy": json.marshal(p)})
	d := t.tfd("aws_iam_policy_document", "trust", {"statement": [{"actions": ["sts:AssumeRole"], "principals": [{"type": "AWS", "identifiers": ["*"]}]}]})
	count(c.deny) == 1 with input as t.tfdoc([d, t.tfr("aws_iam_role", {"assume_role_policy": t.ref("data.aws_iam_policy_document.trust")})])
}

test_tf_negative if {
	svc := {"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
	cond := {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}}]}
	count(c.deny) == 0 with input as t.tf("aws_iam_role", {"assume_role_policy": json.marshal(svc)})
	count(c.deny) == 0 with input as t.tf("aws_iam_role", {"assume_role_policy": cond})
	count(c.deny) == 0 with input as t.tf("aws_iam_role", {"assume_role_policy": t.unknown})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::IAM::Role", {"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}]}})
	count(c.deny) == 0 with input as t.cfn("AWS::IAM::Role", {"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": ["lambda.amazonaws.com"]}, "Action": "sts:AssumeRole"}]}})
}
