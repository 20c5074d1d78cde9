package tollgate.iac.aws.sg_open_egress_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.sg_open_egress as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_security_group", {"egress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]}]})
	count(c.deny) == 0 with input as t.tf("aws_security_group", {"egress": [{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]})
	count(c.deny) == 0 with input as t.tf("aws_security_group", {"egress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["10.0.0.0/8"]}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::EC2::SecurityGroupEgress", {"IpProtocol": "-1", "CidrIp": "0.0.0.0/0"})
	count(c.deny) == 0 with input as t.cfn("AWS::EC2::SecurityGroup", {"SecurityGroupEgress": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0"}]})
}
