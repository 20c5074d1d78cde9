# METADATA
# title: Long-lived IAM access key created
# description: >-
#   An IAM access key is a long-lived credential that ends up in state files,
#   outputs and developer machines; roles and SSO give short-lived
#   credentials instead.
# scope: package
# custom:
#   id: TG-AWS-0035
#   peer_ids:
#     trivy: [AVD-AWS-0167]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Use IAM roles (instance profiles, IRSA, OIDC federation for CI) or IAM Identity Center instead of user access keys.
#   references: [https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles]
#   cwe: [CWE-798]
package tollgate.iac.aws.iam_access_key

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_iam_access_key"]
	not aws.get(r.values, "status") == "Inactive"
	res := aws.res(sprintf("%s creates a long-lived access key", [r.address]), r)
}

deny contains res if {
	some r in aws.cfn_index["AWS::IAM::AccessKey"]
	not aws.get(r.Properties, "Status") == "Inactive"
	res := aws.res(sprintf("%s creates a long-lived access key", [r.logical_id]), r)
}
