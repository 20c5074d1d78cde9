# METADATA
# title: CloudTrail logs are not encrypted with a KMS key
# description: >-
#   CloudTrail logs hold the account's API history; encrypting them with a
#   customer managed key adds an access control layer on top of the bucket
#   policy.
# scope: package
# custom:
#   id: TG-AWS-0039
#   peer_ids:
#     trivy: [AVD-AWS-0015]
#     checkov: [CKV_AWS_35]
#     kics: [050a9ba8-d1cb-4c61-a5e8-8805a70d3b85, 5d9e3164-9265-470c-9a10-57ae454ac0c7]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Set kms_key_id (KMSKeyId) to a customer managed KMS key.
#   references: [https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.cloudtrail_kms

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_cloudtrail"]
	v := aws.dig(aws.props(r), ["kms_key_id"])
	aws.unset(v)
	res := aws.res_path(sprintf("CloudTrail %s does not encrypt logs with a KMS key", [aws.rid(r)]), r, ["kms_key_id"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::CloudTrail::Trail"]
	v := aws.dig(aws.props(r), ["KMSKeyId"])
	aws.unset(v)
	res := aws.res_path(sprintf("CloudTrail %s does not encrypt logs with a KMS key", [aws.rid(r)]), r, ["KMSKeyId"])
}
