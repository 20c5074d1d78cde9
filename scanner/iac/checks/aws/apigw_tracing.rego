# METADATA
# title: API Gateway stage has X-Ray tracing disabled
# description: >-
#   Without tracing, requests through the API cannot be followed end to end.
# scope: package
# custom:
#   id: TG-AWS-0088
#   peer_ids:
#     trivy: [AVD-AWS-0003]
#     checkov: [CKV_AWS_73]
#     kics: [4ab10c48-bedb-4deb-8f3b-ff12783b61de, 5813ef56-fa94-406a-b35d-977d4a56ff2b]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set xray_tracing_enabled = true (TracingEnabled: true).'
#   references: [https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-xray.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.apigw_tracing

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_api_gateway_stage"]
	v := aws.dig(aws.props(r), ["xray_tracing_enabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("API Gateway stage %s does not enable X-Ray tracing", [aws.rid(r)]), r, ["xray_tracing_enabled"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::ApiGateway::Stage"]
	v := aws.dig(aws.props(r), ["TracingEnabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("API Gateway stage %s does not enable X-Ray tracing", [aws.rid(r)]), r, ["TracingEnabled"])
}
