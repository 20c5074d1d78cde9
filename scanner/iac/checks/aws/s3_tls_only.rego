# METADATA
# title: S3 bucket policy does not deny requests without TLS
# description: >-
#   S3 accepts plain HTTP requests unless the bucket policy denies them with
#   a condition on aws:SecureTransport = false, so data and credentials can
#   travel unencrypted.
# scope: package
# custom:
#   id: TG-AWS-0008
#   peer_ids:
#     kics: [4bc4dd4c-7d8d-405e-a0fb-57fa4c31b4d9]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Add a bucket policy statement with Effect Deny, Principal "*", Action "s3:*", the bucket and its objects as Resource, and Condition {"Bool": {"aws:SecureTransport": "false"}}.'
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit]
#   cwe: [CWE-319]
package tollgate.iac.aws.s3_tls_only

import data.lib.aws

tf_policies(r) := array.concat(
	[p | p := aws.get(r.values, "policy"); p != null],
	[p | some bp in aws.linked("aws_s3_bucket_policy", "bucket", r); p := aws.get(bp.values, "policy")],
)

tf_unresolvable(r) if {
	some p in tf_policies(r)
	p != ""
	not aws.resolvable(p)
}

has_tls_deny(policies) if {
	some p in policies
	some st in aws.statements(p)
	aws.tls_deny(st)
}

deny contains res if {
	some r in aws.tf_index["aws_s3_bucket"]
	ps := tf_policies(r)
	not tf_unresolvable(r)
	not has_tls_deny(ps)
	res := aws.res(sprintf("S3 bucket %s has no policy denying requests without TLS (aws:SecureTransport = false)", [r.address]), r)
}

cfn_policies(r) := [p |
	some bp in aws.cfn_linked("AWS::S3::BucketPolicy", ["Bucket"], r.logical_id)
	p := aws.get(bp.Properties, "PolicyDocument")
]

deny contains res if {
	some r in aws.cfn_index["AWS::S3::Bucket"]
	ps := cfn_policies(r)
	not cfn_unresolvable(ps)
	not has_tls_deny(ps)
	res := aws.res(sprintf("S3 bucket %s has no policy denying requests without TLS (aws:SecureTransport = false)", [r.logical_id]), r)
}

cfn_unresolvable(ps) if {
	some p in ps
	not aws.resolvable(p)
}
