package tollgate.iac.aws.s3_public_access_block_disabled_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.s3_public_access_block_disabled as c

all_true := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

test_tf_partial if {
	count(c.deny) == 1 with input as t.tf("aws_s3_bucket_public_access_block", object.union(all_true, {"restrict_public_buckets": false}))
	count(c.deny) == 2 with input as t.tf("aws_s3_bucket_public_access_block", {"block_public_acls": true, "block_public_policy": true})
}

test_tf_full if {
	count(c.deny) == 0 with input as t.tf("aws_s3_bucket_public_access_block", all_true)
	count(c.deny) == 0 with input as t.tf("aws_s3_bucket_public_access_block", object.union(all_true, {"ignore_public_acls": t.unknown}))
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::S3::Bucket", {"PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "BlockPublicPolicy": "true", "IgnorePublicAcls": true, "RestrictPublicBuckets": false}})
	count(c.deny) == 0 with input as t.cfn("AWS::S3::Bucket", {"PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "BlockPublicPolicy": "true", "IgnorePublicAcls": true, "RestrictPublicBuckets": true}})
}
