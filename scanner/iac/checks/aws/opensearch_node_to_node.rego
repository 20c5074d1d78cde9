# METADATA
# title: OpenSearch node-to-node encryption is disabled
# description: >-
#   Traffic between the nodes of the domain travels unencrypted inside the
#   VPC.
# scope: package
# custom:
#   id: TG-AWS-0058
#   peer_ids:
#     trivy: [AVD-AWS-0043]
#     checkov: [CKV_AWS_6]
#     kics: [43ed6fe0-edb6-43c2-97be-6501cf563d53, 967eb3e6-26fc-497d-8895-6428beb6e8e2]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Add node_to_node_encryption { enabled = true } (NodeToNodeEncryptionOptions: Enabled: true).'
#   references: [https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html]
#   cwe: [CWE-319]
package tollgate.iac.aws.opensearch_node_to_node

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_opensearch_domain"]
	v := aws.dig(aws.props(r), ["node_to_node_encryption", "enabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("OpenSearch domain %s does not encrypt node-to-node traffic", [aws.rid(r)]), r, ["node_to_node_encryption", "enabled"])
}

deny contains res if {
	some r in aws.tf_index["aws_elasticsearch_domain"]
	v := aws.dig(aws.props(r), ["node_to_node_encryption", "enabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("OpenSearch domain %s does not encrypt node-to-node traffic", [aws.rid(r)]), r, ["node_to_node_encryption", "enabled"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::OpenSearchService::Domain"]
	v := aws.dig(aws.props(r), ["NodeToNodeEncryptionOptions", "Enabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("OpenSearch domain %s does not encrypt node-to-node traffic", [aws.rid(r)]), r, ["NodeToNodeEncryptionOptions", "Enabled"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Elasticsearch::Domain"]
	v := aws.dig(aws.props(r), ["NodeToNodeEncryptionOptions", "Enabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("OpenSearch domain %s does not encrypt node-to-node traffic", [aws.rid(r)]), r, ["NodeToNodeEncryptionOptions", "Enabled"])
}
