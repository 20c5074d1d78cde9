# METADATA
# title: AdministratorAccess policy attached
# description: >-
#   The AWS managed AdministratorAccess policy grants every action on every
#   resource to the user, group or role it is attached to.
# scope: package
# custom:
#   id: TG-AWS-0034
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Attach a least-privilege policy; keep administrative access for break-glass roles behind MFA and SSO.
#   references: [https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html]
#   cwe: [CWE-269]
package tollgate.iac.aws.iam_admin_managed_policy

import data.lib.aws

admin_arn(a) if {
	is_string(a)
	endswith(a, ":policy/AdministratorAccess")
}

admin_arn(a) if {
	s := aws.cfn_sub_string(a)
	endswith(s, ":policy/AdministratorAccess")
}

admin_arn(a) if {
	parts := a["Fn::Join"][1]
	endswith(parts[count(parts) - 1], ":policy/AdministratorAccess")
}

deny contains res if {
	some t in ["aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_policy_attachment"]
	some r in aws.tf(t)
	admin_arn(aws.get(r.values, "policy_arn"))
	res := aws.res_key(sprintf("%s attaches AdministratorAccess", [r.address]), r, "policy_arn")
}

deny contains res if {
	some r in aws.tf_index["aws_iam_role"]
	some a in aws.as_list(aws.get(r.values, "managed_policy_arns"))
	admin_arn(a)
	res := aws.res_key(sprintf("IAM role %s has AdministratorAccess attached", [r.address]), r, "managed_policy_arns")
}

deny contains res if {
	some t in ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"]
	some r in aws.cfn(t)
	some a in aws.as_list(aws.get(r.Properties, "ManagedPolicyArns"))
	admin_arn(a)
	res := aws.res_key(sprintf("%s has AdministratorAccess attached", [r.logical_id]), r, "ManagedPolicyArns")
}
