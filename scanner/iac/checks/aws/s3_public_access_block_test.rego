package tollgate.iac.aws.s3_public_access_block_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.s3_public_access_block as c

test_tf_missing if {
	count(c.deny) == 1 with input as t.tf("aws_s3_bucket", {"bucket": "b"})
}

test_tf_cross_resource_block if {
	doc := t.tfdoc([
		t.tfrn("aws_s3_bucket", "b", {"bucket": "b"}),
		t.tfrn("aws_s3_bucket_public_access_block", "p", {"bucket": t.ref("aws_s3_bucket.b"), "block_public_acls": true}),
	])
	count(c.deny) == 0 with input as doc
}

test_tf_block_for_other_bucket if {
	doc := t.tfdoc([
		t.tfrn("aws_s3_bucket", "b", {"bucket": "b"}),
		t.tfrn("aws_s3_bucket", "o", {"bucket": "o"}),
		t.tfrn("aws_s3_bucket_public_access_block", "p", {"bucket": t.ref("aws_s3_bucket.o")}),
	])
	some r in c.deny with input as doc
	r.resource == "aws_s3_bucket.b"
	count(c.deny) == 1 with input as doc
}

test_tf_literal_name_link if {
	doc := t.tfdoc([
		t.tfrn("aws_s3_bucket", "b", {"bucket": "my-bucket"}),
		t.tfrn("aws_s3_bucket_public_access_block", "p", {"bucket": "my-bucket"}),
	])
	count(c.deny) == 0 with input as doc
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::S3::Bucket", {})
	count(c.deny) == 0 with input as t.cfn("AWS::S3::Bucket", {"PublicAccessBlockConfiguration": {"BlockPublicAcls": true}})
}
