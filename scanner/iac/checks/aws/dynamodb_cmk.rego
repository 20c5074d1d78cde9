# METADATA
# title: DynamoDB table is not encrypted with a customer managed key
# description: >-
#   DynamoDB always encrypts at rest, but with an AWS owned key unless
#   server-side encryption with a KMS key is enabled; a customer managed key
#   gives you control and audit of key use.
# scope: package
# custom:
#   id: TG-AWS-0047
#   peer_ids:
#     trivy: [AVD-AWS-0025]
#     checkov: [CKV_AWS_119]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Add server_side_encryption { enabled = true, kms_key_arn = ... } (SSESpecification: SSEEnabled: true).'
#   references: [https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.dynamodb_cmk

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_dynamodb_table"]
	v := aws.dig(aws.props(r), ["server_side_encryption", "enabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("DynamoDB table %s uses the AWS owned encryption key", [aws.rid(r)]), r, ["server_side_encryption", "enabled"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::DynamoDB::Table"]
	v := aws.dig(aws.props(r), ["SSESpecification", "SSEEnabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("DynamoDB table %s uses the AWS owned encryption key", [aws.rid(r)]), r, ["SSESpecification", "SSEEnabled"])
}
