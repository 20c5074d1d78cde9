package tollgate.iac.aws.apigw_domain_tls_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.apigw_domain_tls as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_api_gateway_domain_name", {"security_policy": "TLS_1_0"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_api_gateway_domain_name", {"security_policy": "TLS_1_2"})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::ApiGateway::DomainName", {"SecurityPolicy": "TLS_1_0"})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::ApiGateway::DomainName", {"SecurityPolicy": "TLS_1_2"})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_api_gateway_domain_name", {"security_policy": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::ApiGateway::DomainName", {"SecurityPolicy": {"Ref": "SomeParameter"}})
}
