# METADATA
# title: SageMaker notebook volume is not encrypted with a KMS key
# description: >-
#   The notebook's storage volume is not encrypted with a customer managed
#   key.
# scope: package
# custom:
#   id: TG-AWS-0093
#   peer_ids:
#     checkov: [CKV_AWS_22]
#     kics: [f3674e0c-f6be-43fa-b71c-bf346d1aed99]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Set kms_key_id (KmsKeyId).
#   references: [https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.sagemaker_notebook_kms

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_sagemaker_notebook_instance"]
	v := aws.dig(aws.props(r), ["kms_key_id"])
	aws.unset(v)
	res := aws.res_path(sprintf("SageMaker notebook %s has no KMS key", [aws.rid(r)]), r, ["kms_key_id"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::SageMaker::NotebookInstance"]
	v := aws.dig(aws.props(r), ["KmsKeyId"])
	aws.unset(v)
	res := aws.res_path(sprintf("SageMaker notebook %s has no KMS key", [aws.rid(r)]), r, ["KmsKeyId"])
}
