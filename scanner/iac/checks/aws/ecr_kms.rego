# METADATA
# title: ECR repository is not encrypted with KMS
# description: >-
#   The repository uses the default AES-256 encryption instead of a KMS key
#   you control and audit.
# scope: package
# custom:
#   id: TG-AWS-0083
#   peer_ids:
#     trivy: [AVD-AWS-0033]
#     checkov: [CKV_AWS_136]
#     kics: [0e32d561-4b5a-4664-a6e3-a3fa85649157, 77a92b0e-b578-4a2e-bb0d-3c53ec4cfb7e]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Add encryption_configuration { encryption_type = "KMS" } (EncryptionConfiguration: EncryptionType: KMS).'
#   references: [https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.ecr_kms

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_ecr_repository"]
	v := aws.dig(aws.props(r), ["encryption_configuration", "encryption_type"])
	aws.unset_or_not_in(v, {"KMS", "KMS_DSSE"})
	res := aws.res_path(sprintf("ECR repository %s is not encrypted with a KMS key", [aws.rid(r)]), r, ["encryption_configuration", "encryption_type"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::ECR::Repository"]
	v := aws.dig(aws.props(r), ["EncryptionConfiguration", "EncryptionType"])
	aws.unset_or_not_in(v, {"KMS", "KMS_DSSE"})
	res := aws.res_path(sprintf("ECR repository %s is not encrypted with a KMS key", [aws.rid(r)]), r, ["EncryptionConfiguration", "EncryptionType"])
}
