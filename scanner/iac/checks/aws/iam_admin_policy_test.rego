package tollgate.iac.aws.iam_admin_policy_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.iam_admin_policy as c

admin := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}

test_tf_json_string if {
	count(c.deny) == 1 with input as t.tf("aws_iam_policy", {"policy": json.marshal(admin)})
}

test_tf_jsonencode_object_star_star if {
	p := {"Statement": [{"Effect": "Allow", "Action": ["*:*"], "Resource": ["*"]}]}
	count(c.deny) == 1 with input as t.tf("aws_iam_role_policy", {"policy": p})
}

test_tf_inline_policy_block if {
	count(c.deny) == 1 with input as t.tf("aws_iam_role", {"inline_policy": [{"name": "x", "policy": json.marshal(admin)}]})
}

test_tf_data_document if {
	d := t.tfd("aws_iam_policy_document", "admin", {"statement": [{"actions": ["*"], "resources": ["*"], "__loc": {"path": "iam.tf", "start_line": 31, "end_line": 34}}]})
	p := t.tfr("aws_iam_policy", {"policy": t.ref("data.aws_iam_policy_document.admin")})
	some r in c.deny with input as t.tfdoc([d, p])
	r.resource == "data.aws_iam_policy_document.admin"
	r.start_line == 31
	count(c.deny) == 1 with input as t.tfdoc([d, p])
}

test_tf_negative if {
	p := {"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::b/*"]}]}
	count(c.deny) == 0 with input as t.tf("aws_iam_policy", {"policy": p})
	count(c.deny) == 0 with input as t.tf("aws_iam_policy", {"policy": {"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}})
	count(c.deny) == 0 with input as t.tf("aws_iam_policy", {"policy": t.unknown})
	count(c.deny) == 0 with input as t.tf("aws_iam_policy", {"policy": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": t.unknown}]}})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::IAM::ManagedPolicy", {"PolicyDocument": admin})
	count(c.deny) == 1 with input as t.cfn("AWS::IAM::Role", {"Policies": [{"PolicyName": "a", "PolicyDocument": admin}]})
	count(c.deny) == 0 with input as t.cfn("AWS::IAM::Role", {"Policies": [{"PolicyName": "a", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": {"Fn::GetAtt": ["Q", "Arn"]}}]}}]})
}

test_cfn_sam_function_policies if {
	count(c.deny) == 1 with input as t.cfn("AWS::Serverless::Function", {"Policies": ["AWSLambdaBasicExecutionRole", {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}]})
	count(c.deny) == 0 with input as t.cfn("AWS::Serverless::Function", {"Policies": ["AWSLambdaBasicExecutionRole", {"S3ReadPolicy": {"BucketName": "b"}}]})
}
