# METADATA
# title: Secrets Manager rotation interval is longer than 90 days
# description: >-
#   A secret rotated less often than every 90 days stays valid long after it may have leaked.
# scope: package
# custom:
#   id: TG-AWS-0137
#   peer_ids:
#     checkov: [CKV_AWS_304]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set rotation_rules.automatically_after_days (RotationRules.AutomaticallyAfterDays) to 90 or less.'
#   references: [https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html]
#   cwe: [CWE-324]
package tollgate.iac.aws.secretsmanager_rotation_interval

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_secretsmanager_secret_rotation"]
	d := aws.num(aws.dig(aws.props(r), ["rotation_rules", "automatically_after_days"]))
	d > 90
	res := aws.res_path(sprintf("Secret rotation %s runs every %d days", [aws.rid(r), d]), r, ["rotation_rules", "automatically_after_days"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::SecretsManager::RotationSchedule"]
	d := aws.num(aws.dig(aws.props(r), ["RotationRules", "AutomaticallyAfterDays"]))
	d > 90
	res := aws.res_path(sprintf("Secret rotation %s runs every %d days", [aws.rid(r), d]), r, ["RotationRules", "AutomaticallyAfterDays"])
}
