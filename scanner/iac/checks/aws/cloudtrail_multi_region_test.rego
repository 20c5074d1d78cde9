package tollgate.iac.aws.cloudtrail_multi_region_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.cloudtrail_multi_region as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_cloudtrail", {"name": "t"})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_cloudtrail", {"is_multi_region_trail": true})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::CloudTrail::Trail", {"IsLogging": true, "IsMultiRegionTrail": false})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::CloudTrail::Trail", {"IsLogging": true, "IsMultiRegionTrail": true})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_cloudtrail", {"name": "t", "is_multi_region_trail": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::CloudTrail::Trail", {"IsLogging": true, "IsMultiRegionTrail": {"Ref": "SomeParameter"}})
}
