package tollgate.iac.aws.codebuild_artifact_encryption_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.codebuild_artifact_encryption as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_codebuild_project", {"artifacts": [{"type": "S3", "encryption_disabled": true}]})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_codebuild_project", {"artifacts": [{"type": "S3"}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::CodeBuild::Project", {"Artifacts": {"Type": "S3", "EncryptionDisabled": true}})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::CodeBuild::Project", {"Artifacts": {"Type": "S3"}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_codebuild_project", {"artifacts": [{"type": "S3", "encryption_disabled": {"__unknown": true}}]})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::CodeBuild::Project", {"Artifacts": {"Type": "S3", "EncryptionDisabled": {"Ref": "SomeParameter"}}})
}
