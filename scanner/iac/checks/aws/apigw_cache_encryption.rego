# METADATA
# title: API Gateway cache is not encrypted
# description: >-
#   Responses cached by the API Gateway stage are stored unencrypted.
# scope: package
# custom:
#   id: TG-AWS-0125
#   peer_ids:
#     trivy: [AVD-AWS-0002]
#     kics: [b7c9a40c-23e4-4a2d-8d39-a3352f10f288]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set cache_data_encrypted = true in the method settings (CacheDataEncrypted: true) wherever caching is enabled.'
#   references: [https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.apigw_cache_encryption

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_api_gateway_method_settings"]
	v := aws.dig(aws.props(r), ["settings", "cache_data_encrypted"])
	not aws.unknown(v)
	aws.off(v)
	aws.is_true(aws.dig(r.values, ["settings", "caching_enabled"]))
	res := aws.res_path(sprintf("API Gateway method settings %s cache data without encryption", [aws.rid(r)]), r, ["settings", "cache_data_encrypted"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::ApiGateway::Stage"]
	v := aws.dig(aws.props(r), ["MethodSettings", "CacheDataEncrypted"])
	not aws.unknown(v)
	aws.off(v)
	aws.is_true(aws.dig(r.Properties, ["MethodSettings", "CachingEnabled"]))
	res := aws.res_path(sprintf("API Gateway method settings %s cache data without encryption", [aws.rid(r)]), r, ["MethodSettings", "CacheDataEncrypted"])
}
