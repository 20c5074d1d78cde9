# METADATA
# title: S3 bucket policy allows access to anyone
# description: >-
#   A bucket policy statement that allows Principal "*" (or AWS "*") without
#   any condition makes the bucket's objects readable or writable by anyone
#   on the internet.
# scope: package
# custom:
#   id: TG-AWS-0002
#   peer_ids:
#     checkov: [CKV_AWS_70]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Grant access to specific principals, or restrict the statement with conditions (aws:SourceVpce, aws:PrincipalOrgID, aws:SourceArn); serve public content through CloudFront with origin access control.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status]
#   cwe: [CWE-284]
package tollgate.iac.aws.s3_public_policy

import data.lib.aws

sources contains {"r": r, "key": "policy"} if some r in aws.tf_index["aws_s3_bucket_policy"]

sources contains {"r": r, "key": "policy"} if some r in aws.tf_index["aws_s3_bucket"]

deny contains res if {
	some s in sources
	some st in aws.statements(aws.get(s.r.values, s.key))
	aws.public_statement(st)
	res := aws.stmt_res(sprintf("S3 bucket policy %s allows %v to anyone without a condition", [s.r.address, st.actions]), s.r, s.key, st)
}

deny contains res if {
	some r in aws.cfn_index["AWS::S3::BucketPolicy"]
	some st in aws.statements(aws.get(r.Properties, "PolicyDocument"))
	aws.public_statement(st)
	res := aws.stmt_res(sprintf("S3 bucket policy %s allows %v to anyone without a condition", [r.logical_id, st.actions]), r, "PolicyDocument", st)
}
