# METADATA
# title: Neptune cluster has IAM database authentication disabled
# description: >-
#   Without IAM authentication anyone with network access to the cluster endpoint can query the graph; IAM ties every request to a signed, revocable identity.
# scope: package
# custom:
#   id: TG-AWS-0136
#   peer_ids:
#     kics: [c91d7ea0-d4d1-403b-8fe1-c9961ac082c5, a3aa0087-8228-4e7e-b202-dc9036972d02]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set iam_database_authentication_enabled = true (IamAuthEnabled: true).'
#   references: [https://docs.aws.amazon.com/neptune/latest/userguide/iam-auth.html]
#   cwe: [CWE-287]
package tollgate.iac.aws.neptune_iam_auth

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_neptune_cluster"]
	v := aws.dig(aws.props(r), ["iam_database_authentication_enabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("Neptune cluster %s has IAM authentication disabled", [aws.rid(r)]), r, ["iam_database_authentication_enabled"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Neptune::DBCluster"]
	v := aws.dig(aws.props(r), ["IamAuthEnabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("Neptune cluster %s has IAM authentication disabled", [aws.rid(r)]), r, ["IamAuthEnabled"])
}
