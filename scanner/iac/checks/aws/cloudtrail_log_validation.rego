# METADATA
# title: CloudTrail log file validation is disabled
# description: >-
#   Without log file validation, deleted or modified CloudTrail log files
#   cannot be detected, so an intruder can cover their tracks.
# scope: package
# custom:
#   id: TG-AWS-0038
#   peer_ids:
#     trivy: [AVD-AWS-0016]
#     checkov: [CKV_AWS_36]
#     kics: [2a3560fe-52ca-4443-b34f-bf0ed5eb74c8, 52ffcfa6-6c70-4ea6-8376-d828d3961669]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set enable_log_file_validation = true (EnableLogFileValidation: true).'
#   references: [https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html]
#   cwe: [CWE-354]
package tollgate.iac.aws.cloudtrail_log_validation

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_cloudtrail"]
	v := aws.dig(aws.props(r), ["enable_log_file_validation"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("CloudTrail %s does not validate its log files", [aws.rid(r)]), r, ["enable_log_file_validation"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::CloudTrail::Trail"]
	v := aws.dig(aws.props(r), ["EnableLogFileValidation"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("CloudTrail %s does not validate its log files", [aws.rid(r)]), r, ["EnableLogFileValidation"])
}
