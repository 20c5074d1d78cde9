package tollgate.iac.aws.cloudtrail_logging_disabled_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.cloudtrail_logging_disabled as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_cloudtrail", {"enable_logging": false})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_cloudtrail", {})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::CloudTrail::Trail", {"IsLogging": false})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::CloudTrail::Trail", {"IsLogging": true})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_cloudtrail", {"enable_logging": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::CloudTrail::Trail", {"IsLogging": {"Ref": "SomeParameter"}})
}
