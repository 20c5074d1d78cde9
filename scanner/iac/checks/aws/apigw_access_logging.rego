# METADATA
# title: API Gateway stage has no access logging
# description: >-
#   Without access logs, requests to the API (callers, paths, status codes)
#   are not recorded.
# scope: package
# custom:
#   id: TG-AWS-0087
#   peer_ids:
#     trivy: [AVD-AWS-0001]
#     checkov: [CKV_AWS_76]
#     kics: [80d45af4-4920-4236-a56e-b7ef419d1941, 1b6799eb-4a7a-4b04-9001-8cceb9999326]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Add access_log_settings (AccessLogSetting / AccessLogSettings) with a CloudWatch log group destination.
#   references: [https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.apigw_access_logging

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_api_gateway_stage"]
	v := aws.dig(aws.props(r), ["access_log_settings"])
	aws.unset(v)
	res := aws.res_path(sprintf("API Gateway stage %s has no access logging", [aws.rid(r)]), r, ["access_log_settings"])
}

deny contains res if {
	some r in aws.tf_index["aws_apigatewayv2_stage"]
	v := aws.dig(aws.props(r), ["access_log_settings"])
	aws.unset(v)
	res := aws.res_path(sprintf("API Gateway stage %s has no access logging", [aws.rid(r)]), r, ["access_log_settings"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::ApiGateway::Stage"]
	v := aws.dig(aws.props(r), ["AccessLogSetting"])
	aws.unset(v)
	res := aws.res_path(sprintf("API Gateway stage %s has no access logging", [aws.rid(r)]), r, ["AccessLogSetting"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::ApiGatewayV2::Stage"]
	v := aws.dig(aws.props(r), ["AccessLogSettings"])
	aws.unset(v)
	res := aws.res_path(sprintf("API Gateway stage %s has no access logging", [aws.rid(r)]), r, ["AccessLogSettings"])
}
