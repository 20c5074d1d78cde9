# METADATA
# title: ECS container has a secret in its environment
# description: >-
#   A container environment variable named like a password, token or key
#   holds a literal value: it is stored in the task definition, readable by
#   anyone with ecs:DescribeTaskDefinition.
# scope: package
# custom:
#   id: TG-AWS-0112
#   peer_ids:
#     trivy: [AVD-AWS-0036]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Use the container definition's secrets (valueFrom Secrets Manager or SSM Parameter Store) instead of environment.
#   references: [https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html]
#   cwe: [CWE-798]
package tollgate.iac.aws.ecs_env_secrets

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_ecs_task_definition"]
	some cd in aws.container_definitions(aws.get(r.values, "container_definitions"))
	some e in aws.as_list(aws.get(cd, "environment"))
	aws.secret_name(aws.get(e, "name"))
	aws.literal_secret(aws.get(e, "value"))
	res := aws.res_key(sprintf("ECS task definition %s sets the secret-looking variable %s to a literal value", [r.address, e.name]), r, "container_definitions")
}

deny contains res if {
	some r in aws.cfn_index["AWS::ECS::TaskDefinition"]
	some cd in aws.as_list(aws.get(r.Properties, "ContainerDefinitions"))
	some e in aws.as_list(aws.get(cd, "Environment"))
	aws.secret_name(aws.get(e, "Name"))
	aws.literal_secret(aws.get(e, "Value"))
	res := aws.res_at(sprintf("ECS task definition %s sets the secret-looking variable %s to a literal value", [r.logical_id, e.Name]), r, e)
}
