# METADATA
# title: OpenSearch domain does not enforce HTTPS
# description: >-
#   Without enforce HTTPS, clients can send queries, documents and credentials
#   to the domain endpoint over plain HTTP.
# scope: package
# custom:
#   id: TG-AWS-0059
#   peer_ids:
#     trivy: [AVD-AWS-0046]
#     checkov: [CKV_AWS_83]
#     kics: [4cdc88e6-c0c8-4081-a639-bb3a557cbedf, 2e9e0729-66d5-4148-9d39-5e6fb4bf2a4e]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Add domain_endpoint_options { enforce_https = true } (DomainEndpointOptions: EnforceHTTPS: true).'
#   references: [https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createupdatedomains.html]
#   cwe: [CWE-319]
package tollgate.iac.aws.opensearch_https

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_opensearch_domain"]
	v := aws.dig(aws.props(r), ["domain_endpoint_options"])
	aws.unset(v)
	res := aws.res_path(sprintf("OpenSearch domain %s does not enforce HTTPS", [aws.rid(r)]), r, ["domain_endpoint_options"])
}

deny contains res if {
	some r in aws.tf_index["aws_opensearch_domain"]
	v := aws.dig(aws.props(r), ["domain_endpoint_options", "enforce_https"])
	v == false
	res := aws.res_path(sprintf("OpenSearch domain %s does not enforce HTTPS", [aws.rid(r)]), r, ["domain_endpoint_options", "enforce_https"])
}

deny contains res if {
	some r in aws.tf_index["aws_elasticsearch_domain"]
	v := aws.dig(aws.props(r), ["domain_endpoint_options"])
	aws.unset(v)
	res := aws.res_path(sprintf("OpenSearch domain %s does not enforce HTTPS", [aws.rid(r)]), r, ["domain_endpoint_options"])
}

deny contains res if {
	some r in aws.tf_index["aws_elasticsearch_domain"]
	v := aws.dig(aws.props(r), ["domain_endpoint_options", "enforce_https"])
	v == false
	res := aws.res_path(sprintf("OpenSearch domain %s does not enforce HTTPS", [aws.rid(r)]), r, ["domain_endpoint_options", "enforce_https"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::OpenSearchService::Domain"]
	v := aws.dig(aws.props(r), ["DomainEndpointOptions", "EnforceHTTPS"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("OpenSearch domain %s does not enforce HTTPS", [aws.rid(r)]), r, ["DomainEndpointOptions", "EnforceHTTPS"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Elasticsearch::Domain"]
	v := aws.dig(aws.props(r), ["DomainEndpointOptions", "EnforceHTTPS"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("OpenSearch domain %s does not enforce HTTPS", [aws.rid(r)]), r, ["DomainEndpointOptions", "EnforceHTTPS"])
}
