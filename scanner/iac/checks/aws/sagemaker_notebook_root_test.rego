package tollgate.iac.aws.sagemaker_notebook_root_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.sagemaker_notebook_root as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_sagemaker_notebook_instance", {"name": "n"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_sagemaker_notebook_instance", {"root_access": "Disabled"})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::SageMaker::NotebookInstance", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::SageMaker::NotebookInstance", {"RootAccess": "Disabled"})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_sagemaker_notebook_instance", {"name": "n", "root_access": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::SageMaker::NotebookInstance", {"RootAccess": {"Ref": "SomeParameter"}})
}
