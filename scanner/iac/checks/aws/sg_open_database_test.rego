package tollgate.iac.aws.sg_open_database_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.sg_open_database as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_security_group", {"ingress": [{"from_port": 5432, "to_port": 5432, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]})
	count(c.deny) == 0 with input as t.tf("aws_security_group", {"ingress": [{"from_port": 5432, "to_port": 5432, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/16"]}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::EC2::SecurityGroupIngress", {"IpProtocol": "tcp", "FromPort": 3306, "ToPort": 3306, "CidrIp": "0.0.0.0/0"})
	count(c.deny) == 0 with input as t.cfn("AWS::EC2::SecurityGroupIngress", {"IpProtocol": "tcp", "FromPort": 3306, "ToPort": 3306, "SourceSecurityGroupId": "sg-123"})
}
