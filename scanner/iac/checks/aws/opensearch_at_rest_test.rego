package tollgate.iac.aws.opensearch_at_rest_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.opensearch_at_rest as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_opensearch_domain", {"domain_name": "d"})
}

test_tf_bad_2 if {
	count(c.deny) > 0 with input as t.tf("aws_elasticsearch_domain", {"encrypt_at_rest": [{"enabled": false}]})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_opensearch_domain", {"encrypt_at_rest": [{"enabled": true}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::OpenSearchService::Domain", {"EncryptionAtRestOptions": {"Enabled": false}})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::OpenSearchService::Domain", {"EncryptionAtRestOptions": {"Enabled": true}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_opensearch_domain", {"domain_name": "d", "encrypt_at_rest": {"enabled": {"__unknown": true}}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::OpenSearchService::Domain", {"EncryptionAtRestOptions": {"Enabled": {"Ref": "SomeParameter"}}})
}
