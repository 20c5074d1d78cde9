# METADATA
# title: Neptune cluster is not encrypted
# description: >-
#   The Neptune cluster stores its graph data, backups and snapshots
#   unencrypted.
# scope: package
# custom:
#   id: TG-AWS-0063
#   peer_ids:
#     trivy: [AVD-AWS-0076]
#     checkov: [CKV_AWS_44]
#     kics: [bf4473f1-c8a2-4b1b-8134-bd32efabab93, 98d59056-f745-4ef5-8613-32bca8d40b7e]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set storage_encrypted = true (StorageEncrypted: true).'
#   references: [https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.neptune_encryption

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_neptune_cluster"]
	v := aws.dig(aws.props(r), ["storage_encrypted"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("Neptune cluster %s is not encrypted", [aws.rid(r)]), r, ["storage_encrypted"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Neptune::DBCluster"]
	v := aws.dig(aws.props(r), ["StorageEncrypted"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("Neptune cluster %s is not encrypted", [aws.rid(r)]), r, ["StorageEncrypted"])
}
