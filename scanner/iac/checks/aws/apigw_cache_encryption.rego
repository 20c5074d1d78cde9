# METADATA
# title: API Gateway cache is not encrypted
# description: >-
#   Responses cached by the API Gateway stage are stored unencrypted.
# scope: package
# custom:
#   id: TG-AWS-0125
#   peer_ids:
#     trivy: [AVD-AWS-0002]
#     kics: [b7c9a40c-23e4-4a2d-8d39-a3352f10f288, 37cca703-b74c-48ba-ac81-595b53398e9b]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set cache_data_encrypted = true in the method settings (CacheDataEncrypted: true, also in a deployment''s StageDescription) wherever caching is enabled.'
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

# CloudFormation: every method setting of a stage, and the stage a
# deployment creates (AWS::ApiGateway::Deployment StageDescription: its own
# CachingEnabled / CacheDataEncrypted and its MethodSettings).
deny contains res if {
	some r in aws.cfn_index["AWS::ApiGateway::Stage"]
	some ms in aws.as_list(aws.get(r.Properties, "MethodSettings"))
	_cfn_cache_unencrypted(ms)
	res := aws.res_at_key(sprintf("API Gateway method settings %s cache data without encryption", [aws.rid(r)]), r, ms, "CacheDataEncrypted")
}

deny contains res if {
	some r in aws.cfn_index["AWS::ApiGateway::Deployment"]
	sd := aws.get(r.Properties, "StageDescription")
	_cfn_cache_unencrypted(sd)
	res := aws.res_at_key(sprintf("API Gateway deployment %s caches its stage's data without encryption", [aws.rid(r)]), r, sd, "CacheDataEncrypted")
}

deny contains res if {
	some r in aws.cfn_index["AWS::ApiGateway::Deployment"]
	some ms in aws.as_list(aws.path(r.Properties, ["StageDescription", "MethodSettings"]))
	_cfn_cache_unencrypted(ms)
	res := aws.res_at_key(sprintf("API Gateway deployment %s caches method data without encryption", [aws.rid(r)]), r, ms, "CacheDataEncrypted")
}

# _cfn_cache_unencrypted: caching is on and CacheDataEncrypted is unset or
# false (an unresolved value gives no finding).
_cfn_cache_unencrypted(s) if {
	is_object(s)
	v := aws.get(s, "CacheDataEncrypted")
	not aws.unknown(v)
	aws.off(v)
	aws.is_true(aws.get(s, "CachingEnabled"))
}
