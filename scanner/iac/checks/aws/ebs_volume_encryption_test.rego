package tollgate.iac.aws.ebs_volume_encryption_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.ebs_volume_encryption as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_ebs_volume", {"size": 10})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_ebs_volume", {"size": 10, "encrypted": true})
}

test_tf_good_2 if {
	count(c.deny) == 0 with input as t.tf("aws_ebs_volume", {"snapshot_id": "snap-0123456789abcdef0"})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::EC2::Volume", {"Size": 10, "Encrypted": false})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::EC2::Volume", {"Size": 10, "Encrypted": true})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_ebs_volume", {"size": 10, "encrypted": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::EC2::Volume", {"Size": 10, "Encrypted": {"Ref": "SomeParameter"}})
}

test_tf_default_encryption if {
	count(c.deny) == 0 with input as t.tfdoc([t.tfr("aws_ebs_volume", {"size": 10}), t.tfrn("aws_ebs_encryption_by_default", "d", {"enabled": true})])
}
