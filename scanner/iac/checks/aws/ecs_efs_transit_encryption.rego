# METADATA
# title: ECS task mounts EFS without transit encryption
# description: >-
#   An EFS volume of the task definition is mounted without TLS, so file data
#   crosses the network unencrypted.
# scope: package
# custom:
#   id: TG-AWS-0131
#   peer_ids:
#     trivy: [AVD-AWS-0035]
#     checkov: [CKV_AWS_97]
#     kics: [c1282e03-b285-4637-aee7-eefe3a7bb658, 4d46ff3b-7160-41d1-a310-71d6d370b08f]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set transit_encryption = "ENABLED" in efs_volume_configuration (TransitEncryption: ENABLED).'
#   references: [https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html]
#   cwe: [CWE-319]
package tollgate.iac.aws.ecs_efs_transit_encryption

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_ecs_task_definition"]
	some vol in aws.blocks(r.values, "volume")
	some efs in aws.blocks(vol, "efs_volume_configuration")
	v := aws.get(efs, "transit_encryption")
	aws.unset_or_not_in(v, {"ENABLED"})
	res := aws.res_at(sprintf("ECS task definition %s mounts EFS volume %v without transit encryption", [r.address, aws.get(vol, "name")]), r, efs)
}

deny contains res if {
	some r in aws.cfn_index["AWS::ECS::TaskDefinition"]
	some vol in aws.as_list(aws.get(r.Properties, "Volumes"))
	efs := aws.get(vol, "EFSVolumeConfiguration")
	is_object(efs)
	aws.unset_or_not_in(aws.get(efs, "TransitEncryption"), {"ENABLED"})
	res := aws.res_at(sprintf("ECS task definition %s mounts EFS volume %v without transit encryption", [r.logical_id, aws.get(vol, "Name")]), r, efs)
}
