package tollgate.iac.aws.efs_encryption_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.efs_encryption as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_efs_file_system", {"creation_token": "x"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_efs_file_system", {"encrypted": true})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::EFS::FileSystem", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::EFS::FileSystem", {"Encrypted": true})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_efs_file_system", {"creation_token": "x", "encrypted": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::EFS::FileSystem", {"Encrypted": {"Ref": "SomeParameter"}})
}
