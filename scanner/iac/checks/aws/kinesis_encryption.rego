# METADATA
# title: Kinesis data stream is not encrypted
# description: >-
#   Records in the stream are stored unencrypted at rest.
# scope: package
# custom:
#   id: TG-AWS-0066
#   peer_ids:
#     trivy: [AVD-AWS-0064]
#     checkov: [CKV_AWS_43]
#     kics: [862fe4bf-3eec-4767-a517-40f378886b88]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set encryption_type = "KMS" with a kms_key_id (StreamEncryption: EncryptionType: KMS).'
#   references: [https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.kinesis_encryption

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_kinesis_stream"]
	v := aws.dig(aws.props(r), ["encryption_type"])
	aws.unset_or_not_in(v, {"KMS"})
	res := aws.res_path(sprintf("Kinesis stream %s is not encrypted", [aws.rid(r)]), r, ["encryption_type"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Kinesis::Stream"]
	v := aws.dig(aws.props(r), ["StreamEncryption"])
	aws.unset(v)
	res := aws.res_path(sprintf("Kinesis stream %s is not encrypted", [aws.rid(r)]), r, ["StreamEncryption"])
}
