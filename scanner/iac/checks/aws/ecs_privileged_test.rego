package tollgate.iac.aws.ecs_privileged_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.ecs_privileged as c

test_tf_json_string if {
	count(c.deny) == 1 with input as t.tf("aws_ecs_task_definition", {"container_definitions": `[{"name":"app","image":"app:1","privileged":true}]`})
	count(c.deny) == 0 with input as t.tf("aws_ecs_task_definition", {"container_definitions": `[{"name":"app","image":"app:1"}]`})
}

test_tf_object if {
	count(c.deny) == 1 with input as t.tf("aws_ecs_task_definition", {"container_definitions": [{"name": "app", "privileged": true}]})
	count(c.deny) == 0 with input as t.tf("aws_ecs_task_definition", {"container_definitions": t.unknown})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::ECS::TaskDefinition", {"ContainerDefinitions": [{"Name": "app", "Privileged": true}]})
	count(c.deny) == 0 with input as t.cfn("AWS::ECS::TaskDefinition", {"ContainerDefinitions": [{"Name": "app", "Privileged": false}]})
}
