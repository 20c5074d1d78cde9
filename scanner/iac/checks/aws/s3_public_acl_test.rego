package tollgate.iac.aws.s3_public_acl_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.s3_public_acl as c

test_tf_bucket_acl_public if {
	count(c.deny) == 1 with input as t.tf("aws_s3_bucket", {"bucket": "b", "acl": "public-read", "__keys": {"acl": {"start_line": 3, "end_line": 3}}})
	some r in c.deny with input as t.tf("aws_s3_bucket", {"bucket": "b", "acl": "public-read", "__keys": {"acl": {"start_line": 3, "end_line": 3}}})
	r.start_line == 3
	r.resource == "aws_s3_bucket.this"
}

test_tf_bucket_acl_private if {
	count(c.deny) == 0 with input as t.tf("aws_s3_bucket", {"bucket": "b", "acl": "private"})
}

test_tf_split_acl if {
	doc := t.tfdoc([t.tfrn("aws_s3_bucket", "b", {"bucket": "b"}), t.tfrn("aws_s3_bucket_acl", "a", {"bucket": t.ref("aws_s3_bucket.b"), "acl": "public-read-write"})])
	count(c.deny) == 1 with input as doc
}

test_tf_split_acl_ignored_by_pab if {
	doc := t.tfdoc([
		t.tfrn("aws_s3_bucket", "b", {"bucket": "b"}),
		t.tfrn("aws_s3_bucket_acl", "a", {"bucket": t.ref("aws_s3_bucket.b"), "acl": "public-read"}),
		t.tfrn("aws_s3_bucket_public_access_block", "p", {"bucket": t.ref("aws_s3_bucket.b"), "ignore_public_acls": true}),
	])
	count(c.deny) == 0 with input as doc
}

test_tf_unknown_acl if {
	count(c.deny) == 0 with input as t.tf("aws_s3_bucket", {"acl": t.unknown})
}

test_tf_grant_all_users if {
	doc := t.tf("aws_s3_bucket_acl", {"access_control_policy": [{"grant": [{"permission": "READ", "grantee": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers"}]}]}]})
	count(c.deny) == 1 with input as doc
}

test_cfn_public if {
	count(c.deny) == 1 with input as t.cfn("AWS::S3::Bucket", {"AccessControl": "PublicRead"})
}

test_cfn_private if {
	count(c.deny) == 0 with input as t.cfn("AWS::S3::Bucket", {"AccessControl": "Private"})
	count(c.deny) == 0 with input as t.cfn("AWS::S3::Bucket", {"AccessControl": {"Ref": "AclParam"}})
}

test_tf_inline_grant if {
	count(c.deny) == 1 with input as t.tf("aws_s3_bucket", {"grant": [{"type": "Group", "permissions": ["READ"], "uri": "http://acs.amazonaws.com/groups/global/AllUsers"}]})
	count(c.deny) == 0 with input as t.tf("aws_s3_bucket", {"grant": [{"type": "CanonicalUser", "permissions": ["FULL_CONTROL"], "id": "abc"}]})
}
