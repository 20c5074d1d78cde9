package tollgate.iac.aws.workspaces_encryption_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.workspaces_encryption as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_workspaces_workspace", {"user_name": "u"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_workspaces_workspace", {"root_volume_encryption_enabled": true, "user_volume_encryption_enabled": true})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::WorkSpaces::Workspace", {"RootVolumeEncryptionEnabled": true})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::WorkSpaces::Workspace", {"RootVolumeEncryptionEnabled": true, "UserVolumeEncryptionEnabled": true})
}
