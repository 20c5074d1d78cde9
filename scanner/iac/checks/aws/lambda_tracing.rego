# METADATA
# title: Lambda function has X-Ray tracing disabled
# description: >-
#   Without active tracing, requests through the function cannot be followed
#   when investigating errors or abuse.
# scope: package
# custom:
#   id: TG-AWS-0085
#   peer_ids:
#     trivy: [AVD-AWS-0066]
#     checkov: [CKV_AWS_50]
#     kics: [9488c451-074e-4cd3-aee3-7db6104f542c, 8152e0cf-d2f0-47ad-96d5-d003a76eabd1]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Add tracing_config { mode = "Active" } (TracingConfig: Mode: Active).'
#   references: [https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.lambda_tracing

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_lambda_function"]
	v := aws.dig(aws.props(r), ["tracing_config", "mode"])
	aws.unset_or_not_in(v, {"Active"})
	res := aws.res_path(sprintf("Lambda function %s does not enable active tracing", [aws.rid(r)]), r, ["tracing_config", "mode"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Lambda::Function"]
	v := aws.dig(aws.props(r), ["TracingConfig", "Mode"])
	aws.unset_or_not_in(v, {"Active"})
	res := aws.res_path(sprintf("Lambda function %s does not enable active tracing", [aws.rid(r)]), r, ["TracingConfig", "Mode"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Serverless::Function"]
	v := aws.dig(aws.props(r), ["Tracing"])
	aws.unset_or_not_in(v, {"Active"})
	res := aws.res_path(sprintf("Lambda function %s does not enable active tracing", [aws.rid(r)]), r, ["Tracing"])
}
