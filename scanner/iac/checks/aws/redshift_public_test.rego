package tollgate.iac.aws.redshift_public_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.redshift_public as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_redshift_cluster", {"publicly_accessible": true})
}

test_tf_bad_2 if {
	count(c.deny) > 0 with input as t.tf("aws_redshiftserverless_workgroup", {"publicly_accessible": true})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_redshift_cluster", {"publicly_accessible": false})
}

test_tf_good_2 if {
	count(c.deny) == 0 with input as t.tf("aws_redshift_cluster", {})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::Redshift::Cluster", {"PubliclyAccessible": true})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::Redshift::Cluster", {"PubliclyAccessible": false})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_redshift_cluster", {"publicly_accessible": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::Redshift::Cluster", {"PubliclyAccessible": {"Ref": "SomeParameter"}})
}
