package tollgate.iac.aws.s3_versioning_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.s3_versioning as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_s3_bucket", {"bucket": "b"})
	count(c.deny) == 1 with input as t.tf("aws_s3_bucket", {"bucket": "b", "versioning": [{"enabled": false}]})
	count(c.deny) == 0 with input as t.tf("aws_s3_bucket", {"bucket": "b", "versioning": [{"enabled": true}]})
	count(c.deny) == 0 with input as t.tf("aws_s3_bucket", {"bucket": "b", "versioning": [{"enabled": t.unknown}]})
}

test_tf_cross_resource if {
	b := t.tfrn("aws_s3_bucket", "b", {"bucket": "b"})
	on := t.tfrn("aws_s3_bucket_versioning", "v", {"bucket": t.ref("aws_s3_bucket.b"), "versioning_configuration": [{"status": "Enabled"}]})
	off := t.tfrn("aws_s3_bucket_versioning", "v", {"bucket": t.ref("aws_s3_bucket.b"), "versioning_configuration": [{"status": "Suspended"}]})
	count(c.deny) == 0 with input as t.tfdoc([b, on])
	count(c.deny) == 1 with input as t.tfdoc([b, off])
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::S3::Bucket", {})
	count(c.deny) == 1 with input as t.cfn("AWS::S3::Bucket", {"VersioningConfiguration": {"Status": "Suspended"}})
	count(c.deny) == 0 with input as t.cfn("AWS::S3::Bucket", {"VersioningConfiguration": {"Status": "Enabled"}})
	count(c.deny) == 0 with input as t.cfn("AWS::S3::Bucket", {"VersioningConfiguration": {"Status": {"Ref": "P"}}})
}
