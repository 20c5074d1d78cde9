# METADATA
# title: IAM policy grants full administrative access
# description: >-
#   A statement allows Action "*" (or "*:*") on Resource "*": whoever holds
#   the policy controls the whole account, including IAM itself.
# scope: package
# custom:
#   id: TG-AWS-0024
#   peer_ids:
#     checkov: [CKV_AWS_62, CKV_AWS_1]
#     kics: [f62aa827-4ade-4dc4-89e4-1433d384a368, 575a2155-6af1-4026-b1af-d5bc8fe2a904]
#   severity: CRITICAL
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Grant only the actions and resources the principal needs; use AWS managed job-function policies or access analyzer generated policies as a start.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege]
#   cwe: [CWE-269]
package tollgate.iac.aws.iam_admin_policy

import data.lib.aws

deny contains res if {
	some s in aws.permission_statements
	aws.allow(s.st)
	aws.has_full_wildcard_action(s.st)
	aws.has_wildcard_resource(s.st)
	res := aws.stmt_res(sprintf("IAM policy %s allows \"*:*\" on all resources", [aws.rid(s.r)]), s.r, s.key, s.st)
}
