# METADATA
# title: API Gateway method has no authorization
# description: >-
#   The method accepts requests without any authorizer, IAM auth or API key,
#   so anyone who knows the URL can call it.
# scope: package
# custom:
#   id: TG-AWS-0090
#   peer_ids:
#     trivy: [AVD-AWS-0004]
#     checkov: [CKV_AWS_59]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Set authorization to AWS_IAM, COGNITO_USER_POOLS or CUSTOM (AuthorizationType), or require an API key.
#   references: [https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html]
#   cwe: [CWE-306]
package tollgate.iac.aws.apigw_method_auth

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_api_gateway_method"]
	v := aws.dig(aws.props(r), ["authorization"])
	v == "NONE"
	not aws.get(r.values, "http_method") == "OPTIONS"
	not aws.is_true(aws.get(r.values, "api_key_required"))
	not aws.unknown(aws.get(r.values, "api_key_required"))
	res := aws.res_path(sprintf("API Gateway method %s has no authorization", [aws.rid(r)]), r, ["authorization"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::ApiGateway::Method"]
	v := aws.dig(aws.props(r), ["AuthorizationType"])
	aws.unset_or_not_in(v, {"AWS_IAM", "COGNITO_USER_POOLS", "CUSTOM"})
	not aws.get(r.Properties, "HttpMethod") == "OPTIONS"
	not aws.is_true(aws.get(r.Properties, "ApiKeyRequired"))
	not aws.unknown(aws.get(r.Properties, "ApiKeyRequired"))
	res := aws.res_path(sprintf("API Gateway method %s has no authorization", [aws.rid(r)]), r, ["AuthorizationType"])
}
