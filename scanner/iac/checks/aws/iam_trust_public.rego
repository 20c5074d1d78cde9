# METADATA
# title: IAM role can be assumed by anyone
# description: >-
#   The role trust policy allows Principal "*" (or AWS "*") to assume it
#   without any condition, so any AWS account in the world can obtain the
#   role credentials.
# scope: package
# custom:
#   id: TG-AWS-0028
#   severity: CRITICAL
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Trust specific accounts, roles or services, and add conditions such as sts:ExternalId or aws:PrincipalOrgID.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-trust-policy]
#   cwe: [CWE-284]
package tollgate.iac.aws.iam_trust_public

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_iam_role"]
	some st in aws.statements(aws.get(r.values, "assume_role_policy"))
	aws.public_statement(st)
	res := aws.stmt_res(sprintf("IAM role %s trust policy allows anyone to assume it", [r.address]), r, "assume_role_policy", st)
}

deny contains res if {
	some r in aws.cfn_index["AWS::IAM::Role"]
	some st in aws.statements(aws.get(r.Properties, "AssumeRolePolicyDocument"))
	aws.public_statement(st)
	res := aws.stmt_res(sprintf("IAM role %s trust policy allows anyone to assume it", [r.logical_id]), r, "AssumeRolePolicyDocument", st)
}
