package tollgate.iac.aws.ec2_public_ip_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.ec2_public_ip as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_instance", {"associate_public_ip_address": true})
}

test_tf_bad_2 if {
	count(c.deny) > 0 with input as t.tf("aws_launch_template", {"network_interfaces": [{"associate_public_ip_address": "true"}]})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_instance", {"associate_public_ip_address": false})
}

test_tf_good_2 if {
	count(c.deny) == 0 with input as t.tf("aws_instance", {})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::EC2::Instance", {"NetworkInterfaces": [{"AssociatePublicIpAddress": true, "DeviceIndex": "0"}]})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::EC2::Instance", {"NetworkInterfaces": [{"AssociatePublicIpAddress": false, "DeviceIndex": "0"}]})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_instance", {"associate_public_ip_address": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::EC2::Instance", {"NetworkInterfaces": [{"AssociatePublicIpAddress": {"Ref": "SomeParameter"}, "DeviceIndex": "0"}]})
}
