package tollgate.iac.aws.nacl_open_admin_ports_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.nacl_open_admin_ports as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_network_acl_rule", {"rule_action": "allow", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_block": "0.0.0.0/0"})
	count(c.deny) == 2 with input as t.tf("aws_network_acl", {"ingress": [{"action": "allow", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_block": "0.0.0.0/0"}]})
	count(c.deny) == 0 with input as t.tf("aws_network_acl_rule", {"rule_action": "deny", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_block": "0.0.0.0/0"})
	count(c.deny) == 0 with input as t.tf("aws_network_acl_rule", {"rule_action": "allow", "protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_block": "0.0.0.0/0"})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::EC2::NetworkAclEntry", {"RuleAction": "allow", "Protocol": 6, "PortRange": {"From": 3389, "To": 3389}, "CidrBlock": "0.0.0.0/0"})
	count(c.deny) == 0 with input as t.cfn("AWS::EC2::NetworkAclEntry", {"RuleAction": "allow", "Protocol": 6, "PortRange": {"From": 3389, "To": 3389}, "CidrBlock": "10.0.0.0/8"})
}
