package tollgate.iac.aws.opensearch_tls_policy_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.opensearch_tls_policy as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_opensearch_domain", {"domain_endpoint_options": [{"tls_security_policy": "Policy-Min-TLS-1-0-2019-07"}]})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_opensearch_domain", {"domain_endpoint_options": [{"tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::OpenSearchService::Domain", {"DomainEndpointOptions": {"TLSSecurityPolicy": "Policy-Min-TLS-1-0-2019-07"}})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::OpenSearchService::Domain", {"DomainEndpointOptions": {"TLSSecurityPolicy": "Policy-Min-TLS-1-2-PFS-2023-10"}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_opensearch_domain", {"domain_endpoint_options": [{"tls_security_policy": {"__unknown": true}}]})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::OpenSearchService::Domain", {"DomainEndpointOptions": {"TLSSecurityPolicy": {"Ref": "SomeParameter"}}})
}
