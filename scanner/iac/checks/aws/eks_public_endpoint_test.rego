package tollgate.iac.aws.eks_public_endpoint_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.eks_public_endpoint as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_eks_cluster", {"vpc_config": [{"subnet_ids": ["subnet-1"]}]})
	count(c.deny) == 1 with input as t.tf("aws_eks_cluster", {"vpc_config": [{"endpoint_public_access": true, "public_access_cidrs": ["0.0.0.0/0"]}]})
	count(c.deny) == 0 with input as t.tf("aws_eks_cluster", {"vpc_config": [{"endpoint_public_access": false, "endpoint_private_access": true}]})
	count(c.deny) == 0 with input as t.tf("aws_eks_cluster", {"vpc_config": [{"endpoint_public_access": true, "public_access_cidrs": ["203.0.113.0/24"]}]})
	count(c.deny) == 0 with input as t.tf("aws_eks_cluster", {"vpc_config": [{"endpoint_public_access": t.unknown}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::EKS::Cluster", {"ResourcesVpcConfig": {"SubnetIds": ["subnet-1"]}})
	count(c.deny) == 0 with input as t.cfn("AWS::EKS::Cluster", {"ResourcesVpcConfig": {"EndpointPublicAccess": false, "EndpointPrivateAccess": true}})
}
