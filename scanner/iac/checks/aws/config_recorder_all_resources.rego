# METADATA
# title: AWS Config recorder does not record all resource types
# description: >-
#   A Config recorder limited to some resource types misses configuration
#   changes on the others.
# scope: package
# custom:
#   id: TG-AWS-0094
#   peer_ids:
#     checkov: [CKV2_AWS_48]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set recording_group { all_supported = true } (RecordingGroup: AllSupported: true).'
#   references: [https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.config_recorder_all_resources

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_config_configuration_recorder"]
	v := aws.dig(aws.props(r), ["recording_group", "all_supported"])
	v == false
	res := aws.res_path(sprintf("AWS Config recorder %s does not record all supported resources", [aws.rid(r)]), r, ["recording_group", "all_supported"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Config::ConfigurationRecorder"]
	v := aws.dig(aws.props(r), ["RecordingGroup", "AllSupported"])
	v in {false, "false"}
	res := aws.res_path(sprintf("AWS Config recorder %s does not record all supported resources", [aws.rid(r)]), r, ["RecordingGroup", "AllSupported"])
}
