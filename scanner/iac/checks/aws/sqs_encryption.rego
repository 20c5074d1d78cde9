# METADATA
# title: SQS queue is not encrypted
# description: >-
#   The queue declares neither a KMS key nor SQS-managed server-side
#   encryption, so messages may be stored unencrypted.
# scope: package
# custom:
#   id: TG-AWS-0049
#   peer_ids:
#     trivy: [AVD-AWS-0096]
#     checkov: [CKV_AWS_27]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set kms_master_key_id (KmsMasterKeyId) or sqs_managed_sse_enabled = true (SqsManagedSseEnabled: true).'
#   references: [https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.sqs_encryption

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_sqs_queue"]
	v := aws.dig(aws.props(r), ["kms_master_key_id"])
	aws.unset(v)
	v2 := aws.get(r.values, "sqs_managed_sse_enabled")
	not aws.is_true(v2)
	not aws.unknown(v2)
	res := aws.res_path(sprintf("SQS queue %s is not encrypted", [aws.rid(r)]), r, ["kms_master_key_id"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::SQS::Queue"]
	v := aws.dig(aws.props(r), ["KmsMasterKeyId"])
	aws.unset(v)
	v2 := aws.get(r.Properties, "SqsManagedSseEnabled")
	not aws.is_true(v2)
	not aws.unknown(v2)
	res := aws.res_path(sprintf("SQS queue %s is not encrypted", [aws.rid(r)]), r, ["KmsMasterKeyId"])
}
