package tollgate.iac.aws.ecs_container_insights_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.ecs_container_insights as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_ecs_cluster", {"name": "c"})
	count(c.deny) == 1 with input as t.tf("aws_ecs_cluster", {"setting": [{"name": "containerInsights", "value": "disabled"}]})
	count(c.deny) == 0 with input as t.tf("aws_ecs_cluster", {"setting": [{"name": "containerInsights", "value": "enabled"}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::ECS::Cluster", {})
	count(c.deny) == 0 with input as t.cfn("AWS::ECS::Cluster", {"ClusterSettings": [{"Name": "containerInsights", "Value": "enhanced"}]})
}
