package tollgate.iac.aws.sg_open_rdp_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.sg_open_rdp as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_security_group", {"ingress": [{"from_port": 3389, "to_port": 3389, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]})
	count(c.deny) == 0 with input as t.tf("aws_security_group", {"ingress": [{"from_port": 3389, "to_port": 3389, "protocol": "tcp", "cidr_blocks": ["192.168.0.0/16"]}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::EC2::SecurityGroup", {"SecurityGroupIngress": [{"IpProtocol": "-1", "CidrIp": "0.0.0.0/0"}]})
	count(c.deny) == 0 with input as t.cfn("AWS::EC2::SecurityGroup", {"SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "CidrIp": "0.0.0.0/0"}]})
}
