package tollgate.iac.aws.sagemaker_notebook_kms_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.sagemaker_notebook_kms as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_sagemaker_notebook_instance", {"name": "n"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_sagemaker_notebook_instance", {"kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/x"})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::SageMaker::NotebookInstance", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::SageMaker::NotebookInstance", {"KmsKeyId": {"Ref": "Key"}})
}
