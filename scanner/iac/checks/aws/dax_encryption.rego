# METADATA
# title: DAX cluster is not encrypted at rest
# description: >-
#   The DynamoDB Accelerator cluster caches table data unencrypted on its
#   nodes.
# scope: package
# custom:
#   id: TG-AWS-0048
#   peer_ids:
#     trivy: [AVD-AWS-0023]
#     checkov: [CKV_AWS_47]
#     kics: [e5849a68-bdbe-4b70-97c6-6901f39f8094, f11aec39-858f-4b6f-b946-0a1bf46c0c87]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Add server_side_encryption { enabled = true } (SSESpecification: SSEEnabled: true).'
#   references: [https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionAtRest.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.dax_encryption

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_dax_cluster"]
	v := aws.dig(aws.props(r), ["server_side_encryption", "enabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("DAX cluster %s is not encrypted at rest", [aws.rid(r)]), r, ["server_side_encryption", "enabled"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::DAX::Cluster"]
	v := aws.dig(aws.props(r), ["SSESpecification", "SSEEnabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("DAX cluster %s is not encrypted at rest", [aws.rid(r)]), r, ["SSESpecification", "SSEEnabled"])
}
