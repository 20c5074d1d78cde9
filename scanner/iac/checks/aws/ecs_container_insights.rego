# METADATA
# title: ECS cluster has Container Insights disabled
# description: >-
#   Without Container Insights, task and container metrics and events of the
#   cluster are not collected.
# scope: package
# custom:
#   id: TG-AWS-0113
#   peer_ids:
#     trivy: [AVD-AWS-0034]
#     checkov: [CKV_AWS_65]
#     kics: [ab759fde-e1e8-4b0e-ad73-ba856e490ed8, 97cb0688-369a-4d26-b1f7-86c4c91231bc]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Add setting { name = "containerInsights", value = "enabled" } (ClusterSettings).
#   references: [https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContainerInsights.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.ecs_container_insights

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_ecs_cluster"]
	s := aws.get(r.values, "setting")
	not aws.unknown(s)
	not insights_on(aws.as_list(s), "name", "value")
	res := aws.res(sprintf("ECS cluster %s does not enable Container Insights", [r.address]), r)
}

deny contains res if {
	some r in aws.cfn_index["AWS::ECS::Cluster"]
	s := aws.get(r.Properties, "ClusterSettings")
	not aws.unknown(s)
	not insights_on(aws.as_list(s), "Name", "Value")
	res := aws.res(sprintf("ECS cluster %s does not enable Container Insights", [r.logical_id]), r)
}

insights_on(settings, n, v) if {
	some s in settings
	aws.get(s, n) == "containerInsights"
	not aws.get(s, v) == "disabled"
}
