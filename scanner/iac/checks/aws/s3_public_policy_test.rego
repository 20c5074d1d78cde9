package tollgate.iac.aws.s3_public_policy_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.s3_public_policy as c

public_json := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}`

test_tf_public_json_string if {
	count(c.deny) == 1 with input as t.tf("aws_s3_bucket_policy", {"bucket": "b", "policy": public_json})
}

test_tf_public_jsonencode_object if {
	p := {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["s3:GetObject"], "Resource": "*"}]}
	count(c.deny) == 1 with input as t.tf("aws_s3_bucket_policy", {"bucket": "b", "policy": p})
}

test_tf_public_data_document if {
	doc := t.tfdoc([
		t.tfd("aws_iam_policy_document", "p", {"statement": [{"actions": ["s3:GetObject"], "resources": ["*"], "principals": [{"type": "*", "identifiers": ["*"]}]}]}),
		t.tfr("aws_s3_bucket_policy", {"bucket": "b", "policy": t.ref("data.aws_iam_policy_document.p")}),
	])
	count(c.deny) == 1 with input as doc
}

test_tf_conditioned_or_specific if {
	p := {"Statement": [
		{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}},
		{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "*"},
		{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"},
	]}
	count(c.deny) == 0 with input as t.tf("aws_s3_bucket_policy", {"bucket": "b", "policy": p})
	count(c.deny) == 0 with input as t.tf("aws_s3_bucket_policy", {"bucket": "b", "policy": t.unknown})
}

test_cfn_public if {
	doc := t.cfn("AWS::S3::BucketPolicy", {"Bucket": {"Ref": "B"}, "PolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "__loc": {"start_line": 9, "end_line": 13}}]}})
	some r in c.deny with input as doc
	r.start_line == 9
}

test_cfn_not_public if {
	doc := t.cfn("AWS::S3::BucketPolicy", {"Bucket": {"Ref": "B"}, "PolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "*"}]}})
	count(c.deny) == 0 with input as doc
}
