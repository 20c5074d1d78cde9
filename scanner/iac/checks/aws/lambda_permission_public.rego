# METADATA
# title: Lambda permission lets anyone invoke the function
# description: >-
#   A lambda permission for principal "*" without source_arn, source_account
#   or principal_org_id lets any AWS account (or anonymous callers through a
#   function URL) invoke the function.
# scope: package
# custom:
#   id: TG-AWS-0106
#   peer_ids:
#     checkov: [CKV_AWS_301]
#     kics: [1d6e16f1-5d8a-4379-bfb3-2dadd38ed5a7, e08ed7eb-f3ef-494d-9d22-2e3db756a347]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Name the invoking service or account as principal and restrict it with source_arn / source_account.
#   references: [https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.lambda_permission_public

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_lambda_permission"]
	aws.get(r.values, "principal") == "*"
	aws.absent(r.values, "source_arn")
	aws.absent(r.values, "source_account")
	aws.absent(r.values, "principal_org_id")
	res := aws.res_key(sprintf("Lambda permission %s allows any principal to invoke the function", [r.address]), r, "principal")
}

deny contains res if {
	some r in aws.cfn_index["AWS::Lambda::Permission"]
	aws.get(r.Properties, "Principal") == "*"
	aws.absent(r.Properties, "SourceArn")
	aws.absent(r.Properties, "SourceAccount")
	aws.absent(r.Properties, "PrincipalOrgID")
	res := aws.res_key(sprintf("Lambda permission %s allows any principal to invoke the function", [r.logical_id]), r, "Principal")
}
