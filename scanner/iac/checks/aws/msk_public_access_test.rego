package tollgate.iac.aws.msk_public_access_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.msk_public_access as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_msk_cluster", {"broker_node_group_info": [{"connectivity_info": [{"public_access": [{"type": "SERVICE_PROVIDED_EIPS"}]}]}]})
	count(c.deny) == 0 with input as t.tf("aws_msk_cluster", {"broker_node_group_info": [{"connectivity_info": [{"public_access": [{"type": "DISABLED"}]}]}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::MSK::Cluster", {"BrokerNodeGroupInfo": {"ConnectivityInfo": {"PublicAccess": {"Type": "SERVICE_PROVIDED_EIPS"}}}})
	count(c.deny) == 0 with input as t.cfn("AWS::MSK::Cluster", {"BrokerNodeGroupInfo": {"ClientSubnets": ["s"]}})
}
