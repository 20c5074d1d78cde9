# METADATA
# title: EKS cluster does not envelope-encrypt secrets with KMS
# description: >-
#   Kubernetes secrets in etcd are not envelope-encrypted with a customer
#   managed KMS key.
# scope: package
# custom:
#   id: TG-AWS-0084
#   peer_ids:
#     trivy: [AVD-AWS-0039]
#     checkov: [CKV_AWS_58]
#     kics: [8e5ef52b-e673-4c3f-9b2e-99cdd0139059, 63ebcb19-2739-4d3f-aa5c-e8bbb9b85281]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Add encryption_config { resources = ["secrets"], provider { key_arn = ... } } (EncryptionConfig).'
#   references: [https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.eks_secrets_encryption

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_eks_cluster"]
	v := aws.dig(aws.props(r), ["encryption_config"])
	aws.unset(v)
	res := aws.res_path(sprintf("EKS cluster %s does not encrypt secrets with a KMS key", [aws.rid(r)]), r, ["encryption_config"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::EKS::Cluster"]
	v := aws.dig(aws.props(r), ["EncryptionConfig"])
	aws.unset(v)
	res := aws.res_path(sprintf("EKS cluster %s does not encrypt secrets with a KMS key", [aws.rid(r)]), r, ["EncryptionConfig"])
}
