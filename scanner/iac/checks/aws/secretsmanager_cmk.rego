# METADATA
# title: Secrets Manager secret uses the default AWS managed key
# description: >-
#   Without a customer managed key, every principal allowed
#   secretsmanager:GetSecretValue can decrypt the secret; a dedicated key adds
#   a second, auditable control.
# scope: package
# custom:
#   id: TG-AWS-0077
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Set kms_key_id (KmsKeyId) to a customer managed KMS key.
#   references: [https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.secretsmanager_cmk

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_secretsmanager_secret"]
	v := aws.dig(aws.props(r), ["kms_key_id"])
	aws.unset(v)
	res := aws.res_path(sprintf("Secret %s is encrypted with the default aws/secretsmanager key", [aws.rid(r)]), r, ["kms_key_id"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::SecretsManager::Secret"]
	v := aws.dig(aws.props(r), ["KmsKeyId"])
	aws.unset(v)
	res := aws.res_path(sprintf("Secret %s is encrypted with the default aws/secretsmanager key", [aws.rid(r)]), r, ["KmsKeyId"])
}
