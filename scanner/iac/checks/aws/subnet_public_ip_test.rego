package tollgate.iac.aws.subnet_public_ip_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.subnet_public_ip as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_subnet", {"map_public_ip_on_launch": true})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_subnet", {})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::EC2::Subnet", {"MapPublicIpOnLaunch": true})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::EC2::Subnet", {"MapPublicIpOnLaunch": false})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_subnet", {"map_public_ip_on_launch": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::EC2::Subnet", {"MapPublicIpOnLaunch": {"Ref": "SomeParameter"}})
}
