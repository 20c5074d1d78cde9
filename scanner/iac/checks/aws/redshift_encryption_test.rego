package tollgate.iac.aws.redshift_encryption_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.redshift_encryption as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_redshift_cluster", {"cluster_identifier": "c"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_redshift_cluster", {"encrypted": true})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::Redshift::Cluster", {"Encrypted": false})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::Redshift::Cluster", {"Encrypted": true})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_redshift_cluster", {"cluster_identifier": "c", "encrypted": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::Redshift::Cluster", {"Encrypted": {"Ref": "SomeParameter"}})
}
