package tollgate.iac.aws.ecr_scan_on_push_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.ecr_scan_on_push as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_ecr_repository", {"name": "r"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_ecr_repository", {"image_scanning_configuration": [{"scan_on_push": true}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::ECR::Repository", {})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::ECR::Repository", {"ImageScanningConfiguration": {"ScanOnPush": true}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_ecr_repository", {"name": "r", "image_scanning_configuration": {"scan_on_push": {"__unknown": true}}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::ECR::Repository", {"ImageScanningConfiguration": {"ScanOnPush": {"Ref": "SomeParameter"}}})
}
