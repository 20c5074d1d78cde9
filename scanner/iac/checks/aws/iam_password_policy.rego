# METADATA
# title: IAM account password policy is weak
# description: >-
#   The account password policy allows short passwords, does not require
#   every character class, never expires passwords or allows recent passwords
#   to be reused.
# scope: package
# custom:
#   id: TG-AWS-0036
#   peer_ids:
#     trivy: [AVD-AWS-0063]
#     checkov: [CKV_AWS_10, CKV_AWS_11, CKV_AWS_12, CKV_AWS_13, CKV_AWS_14, CKV_AWS_15, CKV_AWS_9]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: Require at least 14 characters, all four character classes, password_reuse_prevention of 24 and max_password_age of 90 days or less.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html]
#   cwe: [CWE-521]
package tollgate.iac.aws.iam_password_policy

import data.lib.aws

requires := ["require_lowercase_characters", "require_uppercase_characters", "require_numbers", "require_symbols"]

deny contains res if {
	some r in aws.tf_index["aws_iam_account_password_policy"]
	v := aws.get(r.values, "minimum_password_length")
	not aws.unknown(v)
	length := aws.num_or(v, 6)
	length < 14
	res := aws.res_key(sprintf("Password policy %s allows passwords shorter than 14 characters", [r.address]), r, "minimum_password_length")
}

deny contains res if {
	some r in aws.tf_index["aws_iam_account_password_policy"]
	some k in requires
	aws.not_true(r.values, k)
	res := aws.res_key(sprintf("Password policy %s does not set %s", [r.address, k]), r, k)
}

deny contains res if {
	some r in aws.tf_index["aws_iam_account_password_policy"]
	v := aws.get(r.values, "password_reuse_prevention")
	not aws.unknown(v)
	aws.num_or(v, 0) < 24
	res := aws.res_key(sprintf("Password policy %s does not prevent reuse of the last 24 passwords", [r.address]), r, "password_reuse_prevention")
}

deny contains res if {
	some r in aws.tf_index["aws_iam_account_password_policy"]
	v := aws.get(r.values, "max_password_age")
	not aws.unknown(v)
	age := aws.num_or(v, 0)
	bad_age(age)
	res := aws.res_key(sprintf("Password policy %s does not expire passwords within 90 days", [r.address]), r, "max_password_age")
}

bad_age(age) if age == 0

bad_age(age) if age > 90
