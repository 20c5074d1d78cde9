package tollgate.iac.aws.sg_rule_description_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.sg_rule_description as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_security_group", {"ingress": [{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8"]}]})
	count(c.deny) == 0 with input as t.tf("aws_security_group", {"ingress": [{"description": "https", "from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8"]}]})
	count(c.deny) == 1 with input as t.tf("aws_security_group_rule", {"type": "ingress"})
	count(c.deny) == 0 with input as t.tf("aws_security_group_rule", {"type": "ingress", "description": t.unknown})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::EC2::SecurityGroup", {"SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "10.0.0.0/8"}]})
	count(c.deny) == 0 with input as t.cfn("AWS::EC2::SecurityGroup", {"SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "10.0.0.0/8", "Description": "https"}]})
}
