# METADATA
# title: CloudWatch log group is not encrypted with a KMS key
# description: >-
#   Log groups are encrypted by CloudWatch with a service key unless a
#   customer managed KMS key is set; logs often carry sensitive data that
#   deserves key-level access control.
# scope: package
# custom:
#   id: TG-AWS-0074
#   peer_ids:
#     trivy: [AVD-AWS-0017]
#     checkov: [CKV_AWS_158]
#     kics: [0afbcfe9-d341-4b92-a64c-7e6de0543879]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Set kms_key_id (KmsKeyId) to a customer managed KMS key.
#   references: [https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.cloudwatch_log_group_kms

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_cloudwatch_log_group"]
	v := aws.dig(aws.props(r), ["kms_key_id"])
	aws.unset(v)
	res := aws.res_path(sprintf("CloudWatch log group %s is not encrypted with a customer managed KMS key", [aws.rid(r)]), r, ["kms_key_id"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Logs::LogGroup"]
	v := aws.dig(aws.props(r), ["KmsKeyId"])
	aws.unset(v)
	res := aws.res_path(sprintf("CloudWatch log group %s is not encrypted with a customer managed KMS key", [aws.rid(r)]), r, ["KmsKeyId"])
}
