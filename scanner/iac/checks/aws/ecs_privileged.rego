# METADATA
# title: ECS container runs privileged
# description: >-
#   A privileged container has all Linux capabilities and access to the
#   host's devices; escaping to the host (and every other task on it) is
#   trivial.
# scope: package
# custom:
#   id: TG-AWS-0111
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Remove privileged: true from the container definition; add only the specific capabilities needed.'
#   references: [https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security]
#   cwe: [CWE-250]
package tollgate.iac.aws.ecs_privileged

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_ecs_task_definition"]
	some cd in aws.container_definitions(aws.get(r.values, "container_definitions"))
	aws.is_true(aws.get(cd, "privileged"))
	res := aws.res_key(sprintf("ECS task definition %s runs container %v privileged", [r.address, aws.get(cd, "name")]), r, "container_definitions")
}

deny contains res if {
	some r in aws.cfn_index["AWS::ECS::TaskDefinition"]
	some cd in aws.as_list(aws.get(r.Properties, "ContainerDefinitions"))
	aws.is_true(aws.get(cd, "Privileged"))
	res := aws.res_at_key(sprintf("ECS task definition %s runs container %v privileged", [r.logical_id, aws.get(cd, "Name")]), r, cd, "Privileged")
}
