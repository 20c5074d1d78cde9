# METADATA
# title: API Gateway custom domain allows TLS 1.0
# description: >-
#   The TLS_1_0 security policy accepts deprecated TLS 1.0 and 1.1
#   connections.
# scope: package
# custom:
#   id: TG-AWS-0089
#   peer_ids:
#     trivy: [AVD-AWS-0005]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set security_policy = "TLS_1_2" (SecurityPolicy: TLS_1_2).'
#   references: [https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html]
#   cwe: [CWE-326]
package tollgate.iac.aws.apigw_domain_tls

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_api_gateway_domain_name"]
	v := aws.dig(aws.props(r), ["security_policy"])
	v == "TLS_1_0"
	res := aws.res_path(sprintf("API Gateway domain %s allows TLS 1.0", [aws.rid(r)]), r, ["security_policy"])
}

deny contains res if {
	some r in aws.tf_index["aws_apigatewayv2_domain_name"]
	v := aws.dig(aws.props(r), ["domain_name_configuration", "security_policy"])
	v == "TLS_1_0"
	res := aws.res_path(sprintf("API Gateway domain %s allows TLS 1.0", [aws.rid(r)]), r, ["domain_name_configuration", "security_policy"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::ApiGateway::DomainName"]
	v := aws.dig(aws.props(r), ["SecurityPolicy"])
	v == "TLS_1_0"
	res := aws.res_path(sprintf("API Gateway domain %s allows TLS 1.0", [aws.rid(r)]), r, ["SecurityPolicy"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::ApiGatewayV2::DomainName"]
	v := aws.dig(aws.props(r), ["DomainNameConfigurations", "SecurityPolicy"])
	v == "TLS_1_0"
	res := aws.res_path(sprintf("API Gateway domain %s allows TLS 1.0", [aws.rid(r)]), r, ["DomainNameConfigurations", "SecurityPolicy"])
}
