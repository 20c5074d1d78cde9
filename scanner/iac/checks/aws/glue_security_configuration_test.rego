package tollgate.iac.aws.glue_security_configuration_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.glue_security_configuration as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_glue_security_configuration", {"encryption_configuration": [{"s3_encryption": [{"s3_encryption_mode": "DISABLED"}]}]})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_glue_security_configuration", {"encryption_configuration": [{"s3_encryption": [{"s3_encryption_mode": "SSE-KMS"}]}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::Glue::SecurityConfiguration", {"EncryptionConfiguration": {"S3Encryptions": [{"S3EncryptionMode": "DISABLED"}]}})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::Glue::SecurityConfiguration", {"EncryptionConfiguration": {"S3Encryptions": [{"S3EncryptionMode": "SSE-KMS"}]}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_glue_security_configuration", {"encryption_configuration": [{"s3_encryption": [{"s3_encryption_mode": {"__unknown": true}}]}]})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::Glue::SecurityConfiguration", {"EncryptionConfiguration": {"S3Encryptions": [{"S3EncryptionMode": {"Ref": "SomeParameter"}}]}})
}
