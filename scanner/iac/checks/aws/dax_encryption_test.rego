package tollgate.iac.aws.dax_encryption_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.dax_encryption as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_dax_cluster", {"cluster_name": "c"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_dax_cluster", {"server_side_encryption": [{"enabled": true}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::DAX::Cluster", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::DAX::Cluster", {"SSESpecification": {"SSEEnabled": true}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_dax_cluster", {"cluster_name": "c", "server_side_encryption": {"enabled": {"__unknown": true}}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::DAX::Cluster", {"SSESpecification": {"SSEEnabled": {"Ref": "SomeParameter"}}})
}
