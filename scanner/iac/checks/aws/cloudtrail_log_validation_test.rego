package tollgate.iac.aws.cloudtrail_log_validation_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.cloudtrail_log_validation as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_cloudtrail", {"name": "t"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_cloudtrail", {"enable_log_file_validation": true})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::CloudTrail::Trail", {"IsLogging": true})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::CloudTrail::Trail", {"EnableLogFileValidation": "true"})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_cloudtrail", {"name": "t", "enable_log_file_validation": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::CloudTrail::Trail", {"IsLogging": true, "EnableLogFileValidation": {"Ref": "SomeParameter"}})
}
