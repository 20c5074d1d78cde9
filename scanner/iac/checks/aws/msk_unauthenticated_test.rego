package tollgate.iac.aws.msk_unauthenticated_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.msk_unauthenticated as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_msk_cluster", {"client_authentication": [{"unauthenticated": true}]})
	count(c.deny) == 0 with input as t.tf("aws_msk_cluster", {"client_authentication": [{"sasl": [{"iam": true}]}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::MSK::Cluster", {"ClientAuthentication": {"Unauthenticated": {"Enabled": true}}})
	count(c.deny) == 0 with input as t.cfn("AWS::MSK::Cluster", {"ClientAuthentication": {"Sasl": {"Iam": {"Enabled": true}}}})
}
