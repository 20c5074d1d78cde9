# METADATA
# title: Kinesis Firehose delivery stream is not encrypted
# description: >-
#   Records buffered by a Direct PUT delivery stream are not encrypted with
#   server-side encryption.
# scope: package
# custom:
#   id: TG-AWS-0067
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Add server_side_encryption { enabled = true } (DeliveryStreamEncryptionConfigurationInput).'
#   references: [https://docs.aws.amazon.com/firehose/latest/dev/encryption.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.firehose_encryption

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_kinesis_firehose_delivery_stream"]
	v := aws.dig(aws.props(r), ["server_side_encryption", "enabled"])
	not aws.unknown(v)
	aws.off(v)
	aws.unset(aws.get(r.values, "kinesis_source_configuration"))
	aws.unset(aws.get(r.values, "msk_source_configuration"))
	res := aws.res_path(sprintf("Firehose delivery stream %s does not enable server-side encryption", [aws.rid(r)]), r, ["server_side_encryption", "enabled"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::KinesisFirehose::DeliveryStream"]
	v := aws.dig(aws.props(r), ["DeliveryStreamEncryptionConfigurationInput"])
	aws.unset(v)
	aws.unset(aws.get(r.Properties, "KinesisStreamSourceConfiguration"))
	aws.unset(aws.get(r.Properties, "MSKSourceConfiguration"))
	res := aws.res_path(sprintf("Firehose delivery stream %s does not enable server-side encryption", [aws.rid(r)]), r, ["DeliveryStreamEncryptionConfigurationInput"])
}
