# METADATA
# title: Cognito identity pool allows unauthenticated identities
# description: >-
#   Unauthenticated identities hand AWS credentials for the pool's unauthenticated role to anyone who asks.
# scope: package
# custom:
#   id: TG-AWS-0134
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set allow_unauthenticated_identities = false (AllowUnauthenticatedIdentities: false) unless guests need AWS access, and then scope the unauthenticated role tightly.'
#   references: [https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html]
#   cwe: [CWE-306]
package tollgate.iac.aws.cognito_unauthenticated_identities

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_cognito_identity_pool"]
	aws.is_true(aws.dig(aws.props(r), ["allow_unauthenticated_identities"]))
	res := aws.res_path(sprintf("Cognito identity pool %s allows unauthenticated identities", [aws.rid(r)]), r, ["allow_unauthenticated_identities"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Cognito::IdentityPool"]
	aws.is_true(aws.dig(aws.props(r), ["AllowUnauthenticatedIdentities"]))
	res := aws.res_path(sprintf("Cognito identity pool %s allows unauthenticated identities", [aws.rid(r)]), r, ["AllowUnauthenticatedIdentities"])
}
