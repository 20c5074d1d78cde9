# METADATA
# title: Kinesis stream is encrypted with the AWS managed key
# description: >-
#   The AWS managed key alias/aws/kinesis cannot be restricted by a key policy or rotated on your schedule, and every principal of the account with Kinesis access can decrypt.
# scope: package
# custom:
#   id: TG-AWS-0138
#   peer_ids:
#     checkov: [CKV_AWS_185]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Use a customer managed KMS key for kms_key_id (StreamEncryption.KeyId).'
#   references: [https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.kinesis_aws_managed_key

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_kinesis_stream"]
	_aws_key(aws.dig(aws.props(r), ["kms_key_id"]))
	res := aws.res_path(sprintf("Kinesis stream %s uses the AWS managed key", [aws.rid(r)]), r, ["kms_key_id"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Kinesis::Stream"]
	_aws_key(aws.dig(aws.props(r), ["StreamEncryption", "KeyId"]))
	res := aws.res_path(sprintf("Kinesis stream %s uses the AWS managed key", [aws.rid(r)]), r, ["StreamEncryption", "KeyId"])
}

_aws_key(v) if {
	is_string(v)
	endswith(lower(v), "alias/aws/kinesis")
}
