package tollgate.iac.aws.ecr_kms_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.ecr_kms as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_ecr_repository", {"name": "r"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_ecr_repository", {"encryption_configuration": [{"encryption_type": "KMS"}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::ECR::Repository", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::ECR::Repository", {"EncryptionConfiguration": {"EncryptionType": "KMS"}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_ecr_repository", {"name": "r", "encryption_configuration": {"encryption_type": {"__unknown": true}}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::ECR::Repository", {"EncryptionConfiguration": {"EncryptionType": {"Ref": "SomeParameter"}}})
}
