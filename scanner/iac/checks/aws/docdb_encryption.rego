# METADATA
# title: DocumentDB cluster is not encrypted
# description: >-
#   The DocumentDB cluster stores its data, backups and snapshots unencrypted.
# scope: package
# custom:
#   id: TG-AWS-0064
#   peer_ids:
#     trivy: [AVD-AWS-0021]
#     checkov: [CKV_AWS_74]
#     kics: [bc1f9009-84a0-490f-ae09-3e0ea6d74ad6]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set storage_encrypted = true (StorageEncrypted: true).'
#   references: [https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.docdb_encryption

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_docdb_cluster"]
	v := aws.dig(aws.props(r), ["storage_encrypted"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("DocumentDB cluster %s is not encrypted", [aws.rid(r)]), r, ["storage_encrypted"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::DocDB::DBCluster"]
	v := aws.dig(aws.props(r), ["StorageEncrypted"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("DocumentDB cluster %s is not encrypted", [aws.rid(r)]), r, ["StorageEncrypted"])
}
