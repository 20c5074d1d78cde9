package tollgate.iac.aws.sagemaker_notebook_internet_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.sagemaker_notebook_internet as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_sagemaker_notebook_instance", {"name": "n"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_sagemaker_notebook_instance", {"direct_internet_access": "Disabled"})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::SageMaker::NotebookInstance", {"DirectInternetAccess": "Enabled"})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::SageMaker::NotebookInstance", {"DirectInternetAccess": "Disabled"})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_sagemaker_notebook_instance", {"name": "n", "direct_internet_access": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::SageMaker::NotebookInstance", {"DirectInternetAccess": {"Ref": "SomeParameter"}})
}
