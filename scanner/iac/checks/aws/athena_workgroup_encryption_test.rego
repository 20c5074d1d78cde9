package tollgate.iac.aws.athena_workgroup_encryption_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.athena_workgroup_encryption as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_athena_workgroup", {"name": "w", "configuration": [{"result_configuration": [{"output_location": "s3://b/"}]}]})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_athena_workgroup", {"configuration": [{"result_configuration": [{"encryption_configuration": [{"encryption_option": "SSE_KMS"}]}]}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::Athena::WorkGroup", {"Name": "w"})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::Athena::WorkGroup", {"WorkGroupConfiguration": {"ResultConfiguration": {"EncryptionConfiguration": {"EncryptionOption": "SSE_S3"}}}})
}
