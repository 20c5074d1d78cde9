package tollgate.iac.aws.vpc_flow_logs_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.vpc_flow_logs as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_vpc", {"cidr_block": "10.0.0.0/16"})
	v := t.tfrn("aws_vpc", "main", {"cidr_block": "10.0.0.0/16"})
	f := t.tfrn("aws_flow_log", "f", {"vpc_id": t.ref("aws_vpc.main"), "traffic_type": "ALL"})
	count(c.deny) == 0 with input as t.tfdoc([v, f])
	other := t.tfrn("aws_flow_log", "f", {"vpc_id": t.ref("aws_vpc.other"), "traffic_type": "ALL"})
	count(c.deny) == 1 with input as t.tfdoc([v, other])
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::EC2::VPC", {"CidrBlock": "10.0.0.0/16"})
	doc := t.cfndoc({"Vpc": t.cfnr("AWS::EC2::VPC", {"CidrBlock": "10.0.0.0/16"}), "Logs": t.cfnr("AWS::EC2::FlowLog", {"ResourceId": {"Ref": "Vpc"}, "ResourceType": "VPC", "TrafficType": "ALL"})})
	count(c.deny) == 0 with input as doc
}
