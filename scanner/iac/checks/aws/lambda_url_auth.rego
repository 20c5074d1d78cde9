# METADATA
# title: Lambda function URL has no authentication
# description: >-
#   A function URL with auth type NONE lets anyone on the internet invoke the
#   function.
# scope: package
# custom:
#   id: TG-AWS-0086
#   peer_ids:
#     checkov: [CKV_AWS_258]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set authorization_type = "AWS_IAM" (AuthType: AWS_IAM), or authenticate requests inside the function and document why.'
#   references: [https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html]
#   cwe: [CWE-306]
package tollgate.iac.aws.lambda_url_auth

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_lambda_function_url"]
	v := aws.dig(aws.props(r), ["authorization_type"])
	v == "NONE"
	res := aws.res_path(sprintf("Lambda function URL %s allows unauthenticated invocation", [aws.rid(r)]), r, ["authorization_type"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Lambda::Url"]
	v := aws.dig(aws.props(r), ["AuthType"])
	v == "NONE"
	res := aws.res_path(sprintf("Lambda function URL %s allows unauthenticated invocation", [aws.rid(r)]), r, ["AuthType"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Serverless::Function"]
	v := aws.dig(aws.props(r), ["FunctionUrlConfig", "AuthType"])
	v == "NONE"
	res := aws.res_path(sprintf("Lambda function URL %s allows unauthenticated invocation", [aws.rid(r)]), r, ["FunctionUrlConfig", "AuthType"])
}
