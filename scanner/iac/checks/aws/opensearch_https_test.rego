package tollgate.iac.aws.opensearch_https_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.opensearch_https as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_opensearch_domain", {"domain_name": "d"})
}

test_tf_bad_2 if {
	count(c.deny) > 0 with input as t.tf("aws_opensearch_domain", {"domain_endpoint_options": [{"enforce_https": false}]})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_opensearch_domain", {"domain_endpoint_options": [{"enforce_https": true}]})
}

test_tf_good_2 if {
	count(c.deny) == 0 with input as t.tf("aws_opensearch_domain", {"domain_endpoint_options": [{"tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::OpenSearchService::Domain", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::OpenSearchService::Domain", {"DomainEndpointOptions": {"EnforceHTTPS": true}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_opensearch_domain", {"domain_name": "d", "domain_endpoint_options": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::OpenSearchService::Domain", {"DomainEndpointOptions": {"EnforceHTTPS": {"Ref": "SomeParameter"}}})
}
