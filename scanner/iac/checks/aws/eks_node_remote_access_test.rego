package tollgate.iac.aws.eks_node_remote_access_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.eks_node_remote_access as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_eks_node_group", {"remote_access": [{"ec2_ssh_key": "ops"}]})
	count(c.deny) == 0 with input as t.tf("aws_eks_node_group", {"remote_access": [{"ec2_ssh_key": "ops", "source_security_group_ids": ["sg-1"]}]})
	count(c.deny) == 0 with input as t.tf("aws_eks_node_group", {"node_group_name": "n"})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::EKS::Nodegroup", {"RemoteAccess": {"Ec2SshKey": "ops"}})
	count(c.deny) == 0 with input as t.cfn("AWS::EKS::Nodegroup", {"RemoteAccess": {"Ec2SshKey": "ops", "SourceSecurityGroups": ["sg-1"]}})
}
