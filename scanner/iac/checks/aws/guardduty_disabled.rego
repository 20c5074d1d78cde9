# METADATA
# title: GuardDuty detector is disabled
# description: >-
#   A disabled GuardDuty detector produces no threat findings for the account.
# scope: package
# custom:
#   id: TG-AWS-0071
#   peer_ids:
#     checkov: [CKV2_AWS_3]
#     kics: [a25cd877-375c-4121-a640-730929936fac, 704dadd3-54fc-48ac-b6a0-02f170011473]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set enable = true (Enable: true) on the detector.'
#   references: [https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_suspend-disable.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.guardduty_disabled

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_guardduty_detector"]
	v := aws.dig(aws.props(r), ["enable"])
	v == false
	res := aws.res_path(sprintf("GuardDuty detector %s is disabled", [aws.rid(r)]), r, ["enable"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::GuardDuty::Detector"]
	v := aws.dig(aws.props(r), ["Enable"])
	v in {false, "false"}
	res := aws.res_path(sprintf("GuardDuty detector %s is disabled", [aws.rid(r)]), r, ["Enable"])
}
