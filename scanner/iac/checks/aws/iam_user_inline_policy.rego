# METADATA
# title: IAM user has an inline policy
# description: >-
#   Permissions attached directly to users (inline policies) are hard to
#   review and revoke; grant permissions through groups or roles.
# scope: package
# custom:
#   id: TG-AWS-0032
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Move the permissions to a group (or a role assumed through SSO) and add the user to it.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions]
#   cwe: [CWE-269]
package tollgate.iac.aws.iam_user_inline_policy

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_iam_user_policy"]
	res := aws.res(sprintf("IAM user policy %s attaches an inline policy directly to a user", [r.address]), r)
}

deny contains res if {
	some r in aws.cfn_index["AWS::IAM::User"]
	count(aws.as_list(aws.get(r.Properties, "Policies"))) > 0
	res := aws.res_key(sprintf("IAM user %s has inline policies", [r.logical_id]), r, "Policies")
}

deny contains res if {
	some t in ["AWS::IAM::Policy", "AWS::IAM::UserPolicy"]
	some r in aws.cfn(t)
	some k in ["Users", "UserName"]
	not aws.unset(aws.get(r.Properties, k))
	res := aws.res_key(sprintf("IAM policy %s is attached inline to users", [r.logical_id]), r, k)
}
