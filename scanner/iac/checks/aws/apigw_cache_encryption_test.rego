package tollgate.iac.aws.apigw_cache_encryption_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.apigw_cache_encryption as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_api_gateway_method_settings", {"settings": [{"caching_enabled": true}]})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_api_gateway_method_settings", {"settings": [{"caching_enabled": true, "cache_data_encrypted": true}]})
}

test_tf_good_2 if {
	count(c.deny) == 0 with input as t.tf("aws_api_gateway_method_settings", {"settings": [{"metrics_enabled": true}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::ApiGateway::Stage", {"MethodSettings": [{"CachingEnabled": true}]})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::ApiGateway::Stage", {"MethodSettings": [{"CachingEnabled": true, "CacheDataEncrypted": true}]})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_api_gateway_method_settings", {"settings": [{"caching_enabled": true, "cache_data_encrypted": {"__unknown": true}}]})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::ApiGateway::Stage", {"MethodSettings": [{"CachingEnabled": true, "CacheDataEncrypted": {"Ref": "SomeParameter"}}]})
}

test_cfn_every_method_setting if {
	count(c.deny) == 1 with input as t.cfn("AWS::ApiGateway::Stage", {"MethodSettings": [{"CachingEnabled": false}, {"CachingEnabled": true, "CacheDataEncrypted": false}]})
}

test_cfn_deployment_stage_description if {
	count(c.deny) == 1 with input as t.cfn("AWS::ApiGateway::Deployment", {"RestApiId": {"Ref": "Api"}, "StageName": "prod", "StageDescription": {"CachingEnabled": true}})
	count(c.deny) == 1 with input as t.cfn("AWS::ApiGateway::Deployment", {"RestApiId": {"Ref": "Api"}, "StageName": "prod", "StageDescription": {"CachingEnabled": "true", "CacheDataEncrypted": "false"}})
	count(c.deny) == 1 with input as t.cfn("AWS::ApiGateway::Deployment", {"StageName": "prod", "StageDescription": {"MethodSettings": [{"HttpMethod": "*", "ResourcePath": "/*", "CachingEnabled": true}]}})
	count(c.deny) == 0 with input as t.cfn("AWS::ApiGateway::Deployment", {"StageName": "prod", "StageDescription": {"CachingEnabled": true, "CacheDataEncrypted": true}})
	count(c.deny) == 0 with input as t.cfn("AWS::ApiGateway::Deployment", {"StageName": "prod", "StageDescription": {"LoggingLevel": "INFO", "TracingEnabled": true}})
	count(c.deny) == 0 with input as t.cfn("AWS::ApiGateway::Deployment", {"StageName": "prod", "StageDescription": {"CachingEnabled": true, "CacheDataEncrypted": {"Ref": "Encrypt"}}})
	count(c.deny) == 0 with input as t.cfn("AWS::ApiGateway::Deployment", {"StageName": "prod"})
}
