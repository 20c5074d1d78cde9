# METADATA
# title: ECR repository is not encrypted with KMS
# description: >-
#   The repository uses the default AES-256 encryption instead of a KMS key
#   you control and audit.
# scope: package
# custom:
#   id: TG-AWS-0083
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
