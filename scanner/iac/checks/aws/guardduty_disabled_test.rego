package tollgate.iac.aws.guardduty_disabled_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.guardduty_disabled as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_guardduty_detector", {"enable": false})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_guardduty_detector", {})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::GuardDuty::Detector", {"Enable": false})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::GuardDuty::Detector", {"Enable": true})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_guardduty_detector", {"enable": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::GuardDuty::Detector", {"Enable": {"Ref": "SomeParameter"}})
}
