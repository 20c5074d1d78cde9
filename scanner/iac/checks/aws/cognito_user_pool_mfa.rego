# METADATA
# title: Cognito user pool does not require MFA
# description: >-
#   With MFA off, a phished or reused password is enough to take over a user of the pool.
# scope: package
# custom:
#   id: TG-AWS-0133
#   peer_ids:
#     kics: [ec28bf61-a474-4dbe-b414-6dd3a067d6f0, 74a18d1a-cf02-4a31-8791-ed0967ad7fdc]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set mfa_configuration = "ON" (MfaConfiguration: ON), or OPTIONAL with adaptive authentication.'
#   references: [https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html]
#   cwe: [CWE-308]
package tollgate.iac.aws.cognito_user_pool_mfa

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_cognito_user_pool"]
	v := aws.dig(aws.props(r), ["mfa_configuration"])
	_off(v)
	res := aws.res_path(sprintf("Cognito user pool %s does not require MFA", [aws.rid(r)]), r, ["mfa_configuration"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Cognito::UserPool"]
	v := aws.dig(aws.props(r), ["MfaConfiguration"])
	_off(v)
	res := aws.res_path(sprintf("Cognito user pool %s does not require MFA", [aws.rid(r)]), r, ["MfaConfiguration"])
}

_off(v) if aws.unset(v)

_off(v) if {
	is_string(v)
	upper(v) == "OFF"
}
