# METADATA
# title: OpenSearch domain has a public endpoint
# description: >-
#   A domain without VPC options gets a public endpoint; only its access
#   policy stands between the data and the internet.
# scope: package
# custom:
#   id: TG-AWS-0061
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Deploy the domain in a VPC with vpc_options (VPCOptions) and private subnets.
#   references: [https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.opensearch_public

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_opensearch_domain"]
	v := aws.dig(aws.props(r), ["vpc_options"])
	aws.unset(v)
	res := aws.res_path(sprintf("OpenSearch domain %s is not deployed in a VPC (public endpoint)", [aws.rid(r)]), r, ["vpc_options"])
}

deny contains res if {
	some r in aws.tf_index["aws_elasticsearch_domain"]
	v := aws.dig(aws.props(r), ["vpc_options"])
	aws.unset(v)
	res := aws.res_path(sprintf("OpenSearch domain %s is not deployed in a VPC (public endpoint)", [aws.rid(r)]), r, ["vpc_options"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::OpenSearchService::Domain"]
	v := aws.dig(aws.props(r), ["VPCOptions"])
	aws.unset(v)
	res := aws.res_path(sprintf("OpenSearch domain %s is not deployed in a VPC (public endpoint)", [aws.rid(r)]), r, ["VPCOptions"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Elasticsearch::Domain"]
	v := aws.dig(aws.props(r), ["VPCOptions"])
	aws.unset(v)
	res := aws.res_path(sprintf("OpenSearch domain %s is not deployed in a VPC (public endpoint)", [aws.rid(r)]), r, ["VPCOptions"])
}
