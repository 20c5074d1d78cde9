package tollgate.iac.aws.s3_encryption_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.s3_encryption as c

test_tf_missing if {
	count(c.deny) == 1 with input as t.tf("aws_s3_bucket", {"bucket": "b"})
}

test_tf_inline_block if {
	count(c.deny) == 0 with input as t.tf("aws_s3_bucket", {"bucket": "b", "server_side_encryption_configuration": [{"rule": [{}]}]})
}

test_tf_cross_resource if {
	doc := t.tfdoc([
		t.tfrn("aws_s3_bucket", "b", {"bucket": "b"}),
		t.tfrn("aws_s3_bucket_server_side_encryption_configuration", "e", {"bucket": t.ref("aws_s3_bucket.b"), "rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}]}]}),
	])
	count(c.deny) == 0 with input as doc
}

test_tf_module_bucket_cross_resource if {
	b := object.union(t.tfrn("aws_s3_bucket", "b", {"bucket": "b"}), {"address": "module.store.aws_s3_bucket.b", "module": "module.store"})
	e := t.tfrn("aws_s3_bucket_server_side_encryption_configuration", "e", {"bucket": t.ref("module.store.aws_s3_bucket.b")})
	count(c.deny) == 0 with input as t.tfdoc([b, e])
	count(c.deny) == 1 with input as t.tfdoc([b])
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::S3::Bucket", {})
	count(c.deny) == 0 with input as t.cfn("AWS::S3::Bucket", {"BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]}})
}
