# METADATA
# title: IAM policy attached directly to a user
# description: >-
#   Managed policies attached to individual users drift out of review;
#   permissions should come from groups or roles.
# scope: package
# custom:
#   id: TG-AWS-0033
#   peer_ids:
#     trivy: [AVD-AWS-0143]
#     checkov: [CKV_AWS_40]
#     kics: [edc95c10-7366-4f30-9b4b-f995c84eceb5, b4378389-a9aa-44ee-91e7-ef183f11079e]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Attach the policy to a group (or use roles through SSO) instead of to the user.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions]
#   cwe: [CWE-269]
package tollgate.iac.aws.iam_user_attached_policy

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_iam_user_policy_attachment"]
	res := aws.res(sprintf("%s attaches a policy directly to a user", [r.address]), r)
}

deny contains res if {
	some r in aws.tf_index["aws_iam_policy_attachment"]
	count(aws.as_list(aws.get(r.values, "users"))) > 0
	res := aws.res_key(sprintf("%s attaches a policy directly to users", [r.address]), r, "users")
}

deny contains res if {
	some r in aws.cfn_index["AWS::IAM::User"]
	count(aws.as_list(aws.get(r.Properties, "ManagedPolicyArns"))) > 0
	res := aws.res_key(sprintf("IAM user %s has managed policies attached directly", [r.logical_id]), r, "ManagedPolicyArns")
}

deny contains res if {
	some r in aws.cfn_index["AWS::IAM::ManagedPolicy"]
	count(aws.as_list(aws.get(r.Properties, "Users"))) > 0
	res := aws.res_key(sprintf("Managed policy %s is attached directly to users", [r.logical_id]), r, "Users")
}
