package tollgate.iac.aws.sg_open_any_port_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.sg_open_any_port as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_security_group", {"ingress": [{"from_port": 8080, "to_port": 8080, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]})
	count(c.deny) == 1 with input as t.tf("aws_vpc_security_group_ingress_rule", {"from_port": 443, "to_port": 443, "ip_protocol": "tcp", "cidr_ipv6": "::/0"})
	count(c.deny) == 0 with input as t.tf("aws_security_group", {"ingress": [{"from_port": 8080, "to_port": 8080, "protocol": "tcp", "cidr_blocks": ["10.1.0.0/16"]}]})
	count(c.deny) == 0 with input as t.tf("aws_security_group", {"ingress": [{"from_port": -1, "to_port": -1, "protocol": "icmp", "cidr_blocks": ["0.0.0.0/0"]}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::EC2::SecurityGroup", {"SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 9000, "ToPort": 9100, "CidrIp": "0.0.0.0/0"}]})
	count(c.deny) == 0 with input as t.cfn("AWS::EC2::SecurityGroup", {"SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 9000, "ToPort": 9100, "CidrIp": "172.16.0.0/12"}]})
}
