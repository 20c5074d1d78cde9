# METADATA
# title: SageMaker notebook users have root access
# description: >-
#   Root access on a notebook instance lets users change its configuration and
#   install software outside review.
# scope: package
# custom:
#   id: TG-AWS-0092
#   peer_ids:
#     checkov: [CKV_AWS_307]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set root_access = "Disabled" (RootAccess: Disabled).'
#   references: [https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-root-access.html]
#   cwe: [CWE-250]
package tollgate.iac.aws.sagemaker_notebook_root

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_sagemaker_notebook_instance"]
	v := aws.dig(aws.props(r), ["root_access"])
	aws.unset_or_not_in(v, {"Disabled"})
	res := aws.res_path(sprintf("SageMaker notebook %s gives users root access", [aws.rid(r)]), r, ["root_access"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::SageMaker::NotebookInstance"]
	v := aws.dig(aws.props(r), ["RootAccess"])
	aws.unset_or_not_in(v, {"Disabled"})
	res := aws.res_path(sprintf("SageMaker notebook %s gives users root access", [aws.rid(r)]), r, ["RootAccess"])
}
