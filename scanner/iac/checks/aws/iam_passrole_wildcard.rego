# METADATA
# title: IAM policy allows iam:PassRole on all roles
# description: >-
#   Allowing iam:PassRole on Resource "*" lets the principal hand any role in
#   the account, including administrative ones, to a service it controls: a
#   classic privilege escalation.
# scope: package
# custom:
#   id: TG-AWS-0030
#   peer_ids:
#     kics: [e39bee8c-fe54-4a3f-824d-e5e2d1cca40a]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Restrict iam:PassRole to the ARNs of the roles the principal must pass, and add an iam:PassedToService condition.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html]
#   cwe: [CWE-269]
package tollgate.iac.aws.iam_passrole_wildcard

import data.lib.aws

deny contains res if {
	some s in aws.permission_statements
	aws.allow(s.st)
	aws.has_wildcard_resource(s.st)
	some a in s.st.actions
	not aws.full_wildcard(a)
	aws.action_matches(a, "iam:PassRole")
	res := aws.stmt_res(sprintf("IAM policy %s allows %q (iam:PassRole) on all resources", [aws.rid(s.r), a]), s.r, s.key, s.st)
}
