package tollgate.iac.aws.s3_tls_only_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.s3_tls_only as c

tls_deny := {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}

other := {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "*"}]}

test_tf_no_policy if {
	count(c.deny) == 1 with input as t.tf("aws_s3_bucket", {"bucket": "b"})
}

test_tf_policy_without_tls_deny if {
	b := t.tfrn("aws_s3_bucket", "b", {"bucket": "b"})
	p := t.tfrn("aws_s3_bucket_policy", "p", {"bucket": t.ref("aws_s3_bucket.b"), "policy": json.marshal(other)})
	count(c.deny) == 1 with input as t.tfdoc([b, p])
}

test_tf_tls_deny_string_and_object if {
	b := t.tfrn("aws_s3_bucket", "b", {"bucket": "b"})
	p1 := t.tfrn("aws_s3_bucket_policy", "p", {"bucket": t.ref("aws_s3_bucket.b"), "policy": json.marshal(tls_deny)})
	p2 := t.tfrn("aws_s3_bucket_policy", "p", {"bucket": t.ref("aws_s3_bucket.b"), "policy": tls_deny})
	count(c.deny) == 0 with input as t.tfdoc([b, p1])
	count(c.deny) == 0 with input as t.tfdoc([b, p2])
}

test_tf_tls_deny_data_document if {
	b := t.tfrn("aws_s3_bucket", "b", {"bucket": "b"})
	d := t.tfd("aws_iam_policy_document", "tls", {"statement": [{"effect": "Deny", "actions": ["s3:*"], "resources": ["*"], "principals": [{"type": "*", "identifiers": ["*"]}], "condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}]}]})
	p := t.tfrn("aws_s3_bucket_policy", "p", {"bucket": t.ref("aws_s3_bucket.b"), "policy": t.ref("data.aws_iam_policy_document.tls")})
	count(c.deny) == 0 with input as t.tfdoc([b, d, p])
}

test_tf_unknown_policy_no_finding if {
	b := t.tfrn("aws_s3_bucket", "b", {"bucket": "b"})
	p := t.tfrn("aws_s3_bucket_policy", "p", {"bucket": t.ref("aws_s3_bucket.b"), "policy": t.unknown})
	count(c.deny) == 0 with input as t.tfdoc([b, p])
}

test_cfn if {
	bp := t.cfnr("AWS::S3::BucketPolicy", {"Bucket": {"Ref": "B"}, "PolicyDocument": tls_deny})
	count(c.deny) == 0 with input as t.cfndoc({"B": t.cfnr("AWS::S3::Bucket", {}), "P": bp})
	bp2 := t.cfnr("AWS::S3::BucketPolicy", {"Bucket": {"Ref": "B"}, "PolicyDocument": other})
	count(c.deny) == 1 with input as t.cfndoc({"B": t.cfnr("AWS::S3::Bucket", {}), "P": bp2})
	count(c.deny) == 1 with input as t.cfndoc({"B": t.cfnr("AWS::S3::Bucket", {})})
}
