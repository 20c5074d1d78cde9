package tollgate.iac.aws.dms_public_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.dms_public as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_dms_replication_instance", {"publicly_accessible": true})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_dms_replication_instance", {"publicly_accessible": false})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::DMS::ReplicationInstance", {"PubliclyAccessible": true})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::DMS::ReplicationInstance", {"PubliclyAccessible": false})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_dms_replication_instance", {"publicly_accessible": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::DMS::ReplicationInstance", {"PubliclyAccessible": {"Ref": "SomeParameter"}})
}
