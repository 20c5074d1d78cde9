# METADATA
# title: OpenSearch domain is not encrypted at rest
# description: >-
#   Indices, logs, swap files and snapshots of the domain are stored
#   unencrypted.
# scope: package
# custom:
#   id: TG-AWS-0057
#   peer_ids:
#     trivy: [AVD-AWS-0048]
#     checkov: [CKV_AWS_5]
#     kics: [86a248ab-0e01-4564-a82a-878303e253bb, 24e16922-4330-4e9d-be8a-caa90299466a]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Add encrypt_at_rest { enabled = true } (EncryptionAtRestOptions: Enabled: true).'
#   references: [https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.opensearch_at_rest

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_opensearch_domain"]
	v := aws.dig(aws.props(r), ["encrypt_at_rest", "enabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("OpenSearch domain %s is not encrypted at rest", [aws.rid(r)]), r, ["encrypt_at_rest", "enabled"])
}

deny contains res if {
	some r in aws.tf_index["aws_elasticsearch_domain"]
	v := aws.dig(aws.props(r), ["encrypt_at_rest", "enabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("OpenSearch domain %s is not encrypted at rest", [aws.rid(r)]), r, ["encrypt_at_rest", "enabled"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::OpenSearchService::Domain"]
	v := aws.dig(aws.props(r), ["EncryptionAtRestOptions", "Enabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("OpenSearch domain %s is not encrypted at rest", [aws.rid(r)]), r, ["EncryptionAtRestOptions", "Enabled"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Elasticsearch::Domain"]
	v := aws.dig(aws.props(r), ["EncryptionAtRestOptions", "Enabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("OpenSearch domain %s is not encrypted at rest", [aws.rid(r)]), r, ["EncryptionAtRestOptions", "Enabled"])
}
