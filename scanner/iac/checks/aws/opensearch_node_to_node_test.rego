package tollgate.iac.aws.opensearch_node_to_node_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.opensearch_node_to_node as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_opensearch_domain", {"domain_name": "d"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_opensearch_domain", {"node_to_node_encryption": [{"enabled": true}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::Elasticsearch::Domain", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::Elasticsearch::Domain", {"NodeToNodeEncryptionOptions": {"Enabled": true}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_opensearch_domain", {"domain_name": "d", "node_to_node_encryption": {"enabled": {"__unknown": true}}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::Elasticsearch::Domain", {"NodeToNodeEncryptionOptions": {"Enabled": {"Ref": "SomeParameter"}}})
}
