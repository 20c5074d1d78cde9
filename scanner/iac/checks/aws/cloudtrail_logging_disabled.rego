# METADATA
# title: CloudTrail trail has logging turned off
# description: >-
#   A trail with logging disabled records nothing.
# scope: package
# custom:
#   id: TG-AWS-0041
#   peer_ids:
#     kics: [5c0b06d5-b7a4-484c-aeb0-75a836269ff0, 4bb76f17-3d63-4529-bdca-2b454529d774]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set enable_logging = true (IsLogging: true).'
#   references: [https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-turning-off-logging.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.cloudtrail_logging_disabled

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_cloudtrail"]
	v := aws.dig(aws.props(r), ["enable_logging"])
	v == false
	res := aws.res_path(sprintf("CloudTrail %s has logging turned off", [aws.rid(r)]), r, ["enable_logging"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::CloudTrail::Trail"]
	v := aws.dig(aws.props(r), ["IsLogging"])
	v in {false, "false"}
	res := aws.res_path(sprintf("CloudTrail %s has logging turned off", [aws.rid(r)]), r, ["IsLogging"])
}
