package tollgate.iac.aws.ecs_efs_transit_encryption_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.ecs_efs_transit_encryption as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_ecs_task_definition", {"volume": [{"name": "data", "efs_volume_configuration": [{"file_system_id": "fs-1"}]}]})
	count(c.deny) == 0 with input as t.tf("aws_ecs_task_definition", {"volume": [{"name": "data", "efs_volume_configuration": [{"file_system_id": "fs-1", "transit_encryption": "ENABLED"}]}]})
	count(c.deny) == 0 with input as t.tf("aws_ecs_task_definition", {"volume": [{"name": "data", "efs_volume_configuration": [{"file_system_id": "fs-1", "transit_encryption": t.unknown}]}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::ECS::TaskDefinition", {"Volumes": [{"Name": "data", "EFSVolumeConfiguration": {"FilesystemId": "fs-1", "TransitEncryption": "DISABLED"}}]})
	count(c.deny) == 0 with input as t.cfn("AWS::ECS::TaskDefinition", {"Volumes": [{"Name": "data", "EFSVolumeConfiguration": {"FilesystemId": "fs-1", "TransitEncryption": "ENABLED"}}]})
}
