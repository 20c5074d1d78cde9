# METADATA
# title: SageMaker notebook has direct internet access
# description: >-
#   A notebook instance with direct internet access can download arbitrary
#   code and exfiltrate data outside the VPC controls.
# scope: package
# custom:
#   id: TG-AWS-0091
#   peer_ids:
#     checkov: [CKV_AWS_122]
#     kics: [88d55d94-315d-4564-beee-d2d725feab11]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set direct_internet_access = "Disabled" (DirectInternetAccess: Disabled) and place the notebook in a VPC subnet.'
#   references: [https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.sagemaker_notebook_internet

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_sagemaker_notebook_instance"]
	v := aws.dig(aws.props(r), ["direct_internet_access"])
	aws.unset_or_not_in(v, {"Disabled"})
	res := aws.res_path(sprintf("SageMaker notebook %s has direct internet access", [aws.rid(r)]), r, ["direct_internet_access"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::SageMaker::NotebookInstance"]
	v := aws.dig(aws.props(r), ["DirectInternetAccess"])
	aws.unset_or_not_in(v, {"Disabled"})
	res := aws.res_path(sprintf("SageMaker notebook %s has direct internet access", [aws.rid(r)]), r, ["DirectInternetAccess"])
}
