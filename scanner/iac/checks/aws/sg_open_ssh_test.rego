package tollgate.iac.aws.sg_open_ssh_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.sg_open_ssh as c

test_tf_inline if {
	doc := t.tf("aws_security_group", {"ingress": [{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"], "__loc": {"path": "main.tf", "start_line": 4, "end_line": 9}, "__keys": {"cidr_blocks": {"start_line": 8, "end_line": 8}}}]})
	some r in c.deny with input as doc
	r.start_line == 8
	r.path == "main.tf"
}

test_tf_all_protocols_ipv6 if {
	count(c.deny) == 1 with input as t.tf("aws_security_group", {"ingress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "ipv6_cidr_blocks": ["::/0"]}]})
}

test_tf_rule_resources if {
	count(c.deny) == 1 with input as t.tf("aws_security_group_rule", {"type": "ingress", "from_port": 0, "to_port": 1024, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8", "0.0.0.0/0"]})
	count(c.deny) == 1 with input as t.tf("aws_vpc_security_group_ingress_rule", {"from_port": 22, "to_port": 22, "ip_protocol": "tcp", "cidr_ipv4": "0.0.0.0/0"})
	count(c.deny) == 0 with input as t.tf("aws_security_group_rule", {"type": "egress", "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]})
}

test_tf_negative if {
	count(c.deny) == 0 with input as t.tf("aws_security_group", {"ingress": [{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8"]}]})
	count(c.deny) == 0 with input as t.tf("aws_security_group", {"ingress": [{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]})
	count(c.deny) == 0 with input as t.tf("aws_security_group", {"ingress": [{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": t.unknown}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::EC2::SecurityGroup", {"SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"}]})
	count(c.deny) == 1 with input as t.cfn("AWS::EC2::SecurityGroupIngress", {"IpProtocol": "tcp", "FromPort": "22", "ToPort": "22", "CidrIpv6": "::/0"})
	count(c.deny) == 0 with input as t.cfn("AWS::EC2::SecurityGroup", {"SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "203.0.113.0/24"}]})
	count(c.deny) == 0 with input as t.cfn("AWS::EC2::SecurityGroup", {"SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": {"Ref": "AllowedCidr"}}]})
}
