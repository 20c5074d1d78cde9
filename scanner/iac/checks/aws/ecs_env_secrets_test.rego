package tollgate.iac.aws.ecs_env_secrets_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.ecs_env_secrets as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_ecs_task_definition", {"container_definitions": `[{"name":"app","environment":[{"name":"DB_PASSWORD","value":"hunter2-but-longer"}]}]`})
	count(c.deny) == 0 with input as t.tf("aws_ecs_task_definition", {"container_definitions": `[{"name":"app","environment":[{"name":"LOG_LEVEL","value":"info"}],"secrets":[{"name":"DB_PASSWORD","valueFrom":"arn:aws:ssm:us-east-1:111122223333:parameter/db"}]}]`})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::ECS::TaskDefinition", {"ContainerDefinitions": [{"Name": "app", "Environment": [{"Name": "API_KEY", "Value": "FAKEKEY0123456789"}]}]})
	count(c.deny) == 0 with input as t.cfn("AWS::ECS::TaskDefinition", {"ContainerDefinitions": [{"Name": "app", "Environment": [{"Name": "API_KEY", "Value": {"Ref": "ApiKey"}}]}]})
}
