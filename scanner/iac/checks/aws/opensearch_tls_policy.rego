# METADATA
# title: OpenSearch domain allows TLS 1.0 and 1.1
# description: >-
#   The Policy-Min-TLS-1-0-2019-07 security policy accepts deprecated TLS 1.0
#   and 1.1 connections.
# scope: package
# custom:
#   id: TG-AWS-0060
#   peer_ids:
#     trivy: [AVD-AWS-0126]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Set tls_security_policy (TLSSecurityPolicy) to Policy-Min-TLS-1-2-2019-07 or Policy-Min-TLS-1-2-PFS-2023-10.
#   references: [https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html]
#   cwe: [CWE-326]
package tollgate.iac.aws.opensearch_tls_policy

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_opensearch_domain"]
	v := aws.dig(aws.props(r), ["domain_endpoint_options", "tls_security_policy"])
	v == "Policy-Min-TLS-1-0-2019-07"
	res := aws.res_path(sprintf("OpenSearch domain %s accepts TLS versions below 1.2", [aws.rid(r)]), r, ["domain_endpoint_options", "tls_security_policy"])
}

deny contains res if {
	some r in aws.tf_index["aws_elasticsearch_domain"]
	v := aws.dig(aws.props(r), ["domain_endpoint_options", "tls_security_policy"])
	v == "Policy-Min-TLS-1-0-2019-07"
	res := aws.res_path(sprintf("OpenSearch domain %s accepts TLS versions below 1.2", [aws.rid(r)]), r, ["domain_endpoint_options", "tls_security_policy"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::OpenSearchService::Domain"]
	v := aws.dig(aws.props(r), ["DomainEndpointOptions", "TLSSecurityPolicy"])
	v == "Policy-Min-TLS-1-0-2019-07"
	res := aws.res_path(sprintf("OpenSearch domain %s accepts TLS versions below 1.2", [aws.rid(r)]), r, ["DomainEndpointOptions", "TLSSecurityPolicy"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Elasticsearch::Domain"]
	v := aws.dig(aws.props(r), ["DomainEndpointOptions", "TLSSecurityPolicy"])
	v == "Policy-Min-TLS-1-0-2019-07"
	res := aws.res_path(sprintf("OpenSearch domain %s accepts TLS versions below 1.2", [aws.rid(r)]), r, ["DomainEndpointOptions", "TLSSecurityPolicy"])
}
