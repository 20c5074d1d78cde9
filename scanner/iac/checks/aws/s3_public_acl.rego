# METADATA
# title: S3 bucket ACL grants public access
# description: >-
#   A canned ACL of public-read, public-read-write or authenticated-read (or a
#   grant to the AllUsers / AuthenticatedUsers groups) lets anyone on the
#   internet, or any AWS account, list or change the bucket's objects.
# scope: package
# custom:
#   id: TG-AWS-0001
#   peer_ids:
#     trivy: [AVD-AWS-0092]
#     checkov: [CKV_AWS_20, CKV_AWS_57]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Use the private ACL (or disable ACLs with object ownership BucketOwnerEnforced) and grant access through IAM or bucket policies.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl]
#   cwe: [CWE-284]
package tollgate.iac.aws.s3_public_acl

import data.lib.aws

public_acls := {"public-read", "public-read-write", "authenticated-read"}

public_groups := {"http://acs.amazonaws.com/groups/global/AllUsers", "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"}

cfn_public_acls := {"PublicRead", "PublicReadWrite", "AuthenticatedRead"}

# ACLs are ignored when a public access block sets ignore_public_acls.
ignored(bucket) if {
	some p in aws.linked("aws_s3_bucket_public_access_block", "bucket", bucket)
	not aws.is_false(aws.get(p.values, "ignore_public_acls"))
	not aws.absent(p.values, "ignore_public_acls")
}

ignored(_) if {
	some p in aws.tf_index["aws_s3_account_public_access_block"]
	aws.is_true(aws.get(p.values, "ignore_public_acls"))
}

deny contains res if {
	some r in aws.tf_index["aws_s3_bucket"]
	acl := aws.get(r.values, "acl")
	acl in public_acls
	not ignored(r)
	res := aws.res_key(sprintf("S3 bucket %s has the public canned ACL %q", [r.address, acl]), r, "acl")
}

deny contains res if {
	some r in aws.tf_index["aws_s3_bucket_acl"]
	acl := aws.get(r.values, "acl")
	acl in public_acls
	not acl_ignored(r)
	res := aws.res_key(sprintf("S3 bucket ACL %s is the public canned ACL %q", [r.address, acl]), r, "acl")
}

deny contains res if {
	some r in aws.tf_index["aws_s3_bucket_acl"]
	some p in aws.blocks(r.values, "access_control_policy")
	some g in aws.blocks(p, "grant")
	some ge in aws.blocks(g, "grantee")
	aws.get(ge, "uri") in public_groups
	not acl_ignored(r)
	res := aws.res_at(sprintf("S3 bucket ACL %s grants %s to %s", [r.address, aws.get(g, "permission"), ge.uri]), r, g)
}

deny contains res if {
	some r in aws.tf_index["aws_s3_bucket"]
	some g in aws.blocks(r.values, "grant")
	aws.get(g, "uri") in public_groups
	not ignored(r)
	res := aws.res_at(sprintf("S3 bucket %s grants %v to %s", [r.address, aws.get(g, "permissions"), g.uri]), r, g)
}

acl_ignored(acl_res) if {
	some b in aws.tf_index["aws_s3_bucket"]
	aws.tf_refs(aws.get(acl_res.values, "bucket"), b)
	ignored(b)
}

acl_ignored(_) if {
	some p in aws.tf_index["aws_s3_account_public_access_block"]
	aws.is_true(aws.get(p.values, "ignore_public_acls"))
}

deny contains res if {
	some r in aws.cfn_index["AWS::S3::Bucket"]
	acl := aws.get(r.Properties, "AccessControl")
	acl in cfn_public_acls
	not aws.is_true(aws.path(r.Properties, ["PublicAccessBlockConfiguration", "IgnorePublicAcls"]))
	res := aws.res_key(sprintf("S3 bucket %s has the public ACL %s", [r.logical_id, acl]), r, "AccessControl")
}
