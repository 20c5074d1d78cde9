# METADATA
# title: Secrets Manager secret uses the default AWS managed key
# description: >-
#   Without a customer managed key, every principal allowed
#   secretsmanager:GetSecretValue can decrypt the secret; a dedicated key adds
#   a second, auditable control.
# scope: package
# custom:
#   id: TG-AWS-0077
#   peer_ids:
#     trivy: [AVD-AWS-0098]
#     checkov: [CKV_AWS_149]
#     kics: [bed9762b-9bf6-4823-98e2-b1752bee0bf7, a2f548f2-188c-4fff-b172-e9a6acb216bd, b0d3ef3f-845d-4b1b-83d6-63a5a380375f]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Set kms_key_id (KmsKeyId) to a customer managed KMS key.
#   references: [https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.secretsmanager_cmk

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_secretsmanager_secret"]
	_default_key(aws.dig(aws.props(r), ["kms_key_id"]))
	res := aws.res_path(sprintf("Secret %s is encrypted with the default aws/secretsmanager key", [aws.rid(r)]), r, ["kms_key_id"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::SecretsManager::Secret"]
	_default_key(aws.dig(aws.props(r), ["KmsKeyId"]))
	res := aws.res_path(sprintf("Secret %s is encrypted with the default aws/secretsmanager key", [aws.rid(r)]), r, ["KmsKeyId"])
}

# _default_key: no key (Secrets Manager then uses aws/secretsmanager) or the
# AWS managed key named explicitly, by alias or by alias ARN.
_default_key(v) if aws.unset(v)

_default_key(v) if {
	is_string(v)
	endswith(lower(v), "alias/aws/secretsmanager")
}
