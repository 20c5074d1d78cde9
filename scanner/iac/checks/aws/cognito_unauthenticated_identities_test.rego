package tollgate.iac.aws.cognito_unauthenticated_identities_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.cognito_unauthenticated_identities as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_cognito_identity_pool", {"identity_pool_name": "p", "allow_unauthenticated_identities": true})
	count(c.deny) == 0 with input as t.tf("aws_cognito_identity_pool", {"identity_pool_name": "p", "allow_unauthenticated_identities": false})
	count(c.deny) == 0 with input as t.tf("aws_cognito_identity_pool", {"identity_pool_name": "p"})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::Cognito::IdentityPool", {"AllowUnauthenticatedIdentities": true})
	count(c.deny) == 0 with input as t.cfn("AWS::Cognito::IdentityPool", {"AllowUnauthenticatedIdentities": false})
}
