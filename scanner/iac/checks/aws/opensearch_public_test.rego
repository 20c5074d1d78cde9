package tollgate.iac.aws.opensearch_public_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.opensearch_public as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_opensearch_domain", {"domain_name": "d"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_opensearch_domain", {"vpc_options": [{"subnet_ids": ["subnet-1"]}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::OpenSearchService::Domain", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::OpenSearchService::Domain", {"VPCOptions": {"SubnetIds": ["subnet-1"]}})
}
