# METADATA
# title: Lambda permission for an AWS service is not limited to a source
# description: >-
#   A permission that lets an AWS service principal (s3.amazonaws.com, sns.amazonaws.com, ...)
#   invoke the function without source_arn or source_account lets that service invoke it on
#   behalf of any resource in any account (a confused deputy).
# scope: package
# custom:
#   id: TG-AWS-0140
#   peer_ids:
#     trivy: [AVD-AWS-0067]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set source_arn (SourceArn) to the invoking resource, or source_account (SourceAccount) to your account.'
#   references: [https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html]
#   cwe: [CWE-441]
package tollgate.iac.aws.lambda_permission_service_source

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_lambda_permission"]
	_service(aws.get(r.values, "principal"))
	aws.absent(r.values, "source_arn")
	aws.absent(r.values, "source_account")
	aws.absent(r.values, "principal_org_id")
	res := aws.res_key(sprintf("Lambda permission %s lets %s invoke the function for any source", [r.address, r.values.principal]), r, "principal")
}

deny contains res if {
	some r in aws.cfn_index["AWS::Lambda::Permission"]
	_service(aws.get(r.Properties, "Principal"))
	aws.absent(r.Properties, "SourceArn")
	aws.absent(r.Properties, "SourceAccount")
	aws.absent(r.Properties, "PrincipalOrgID")
	res := aws.res_key(sprintf("Lambda permission %s lets %s invoke the function for any source", [r.logical_id, r.Properties.Principal]), r, "Principal")
}

_service(p) if {
	is_string(p)
	endswith(lower(p), ".amazonaws.com")
}
