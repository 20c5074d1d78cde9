# METADATA
# title: IAM policy uses NotAction or NotResource with Allow
# description: >-
#   An Allow statement with NotAction (or NotResource) grants everything
#   except the listed actions (or resources), including every action AWS adds
#   in the future.
# scope: package
# custom:
#   id: TG-AWS-0027
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Replace the Allow + NotAction/NotResource statement with an explicit list of actions and resources; use NotAction only in Deny statements.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html]
#   cwe: [CWE-269]
package tollgate.iac.aws.iam_not_action_allow

import data.lib.aws

deny contains res if {
	some s in aws.permission_statements
	aws.allow(s.st)
	some field in ["not_actions", "not_resources"]
	count(s.st[field]) > 0
	res := aws.stmt_res(sprintf("IAM policy %s uses %s in an Allow statement", [aws.rid(s.r), field]), s.r, s.key, s.st)
}
