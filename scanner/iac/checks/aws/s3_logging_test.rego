package tollgate.iac.aws.s3_logging_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.s3_logging as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_s3_bucket", {"bucket": "b"})
	count(c.deny) == 0 with input as t.tf("aws_s3_bucket", {"bucket": "b", "logging": [{"target_bucket": "logs"}]})
}

test_tf_cross_resource_and_target if {
	b := t.tfrn("aws_s3_bucket", "b", {"bucket": "b"})
	logs := t.tfrn("aws_s3_bucket", "logs", {"bucket": "logs"})
	l := t.tfrn("aws_s3_bucket_logging", "l", {"bucket": t.ref("aws_s3_bucket.b"), "target_bucket": t.ref("aws_s3_bucket.logs")})
	count(c.deny) == 0 with input as t.tfdoc([b, logs, l])
	count(c.deny) == 2 with input as t.tfdoc([b, logs])
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::S3::Bucket", {})
	count(c.deny) == 0 with input as t.cfn("AWS::S3::Bucket", {"LoggingConfiguration": {"DestinationBucketName": "logs"}})
	doc := t.cfndoc({"B": t.cfnr("AWS::S3::Bucket", {"LoggingConfiguration": {"DestinationBucketName": {"Ref": "L"}}}), "L": t.cfnr("AWS::S3::Bucket", {})})
	count(c.deny) == 0 with input as doc
}
