# METADATA
# title: Secrets Manager secret has no automatic rotation
# description: >-
#   A secret that is never rotated stays valid forever once leaked.
# scope: package
# custom:
#   id: TG-AWS-0062
#   peer_ids:
#     checkov: [CKV2_AWS_57]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Add an aws_secretsmanager_secret_rotation (AWS::SecretsManager::RotationSchedule) with a rotation Lambda or managed rotation.
#   references: [https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html]
#   cwe: [CWE-324]
package tollgate.iac.aws.secretsmanager_rotation

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_secretsmanager_secret"]
	count(aws.linked("aws_secretsmanager_secret_rotation", "secret_id", r)) == 0
	aws.absent(r.values, "rotation_lambda_arn")
	count(aws.blocks(r.values, "rotation_rules")) == 0
	res := aws.res(sprintf("Secret %s has no automatic rotation", [r.address]), r)
}

deny contains res if {
	some r in aws.cfn_index["AWS::SecretsManager::Secret"]
	count(aws.cfn_linked("AWS::SecretsManager::RotationSchedule", ["SecretId"], r.logical_id)) == 0
	res := aws.res(sprintf("Secret %s has no automatic rotation", [r.logical_id]), r)
}
