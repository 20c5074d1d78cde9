# METADATA
# title: Redshift cluster is not encrypted
# description: >-
#   The Redshift cluster stores its data and snapshots unencrypted at rest.
# scope: package
# custom:
#   id: TG-AWS-0051
#   peer_ids:
#     trivy: [AVD-AWS-0084]
#     checkov: [CKV_AWS_64]
#     kics: [3b316b05-564c-44a7-9c3f-405bb95e211e, cfdcabb0-fc06-427c-865b-c59f13e898ce]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set encrypted = true (Encrypted: true) with a kms_key_id.'
#   references: [https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.redshift_encryption

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_redshift_cluster"]
	v := aws.dig(aws.props(r), ["encrypted"])
	not aws.unknown(v)
	aws.off(v)
	aws.unset(aws.get(r.values, "snapshot_identifier"))
	res := aws.res_path(sprintf("Redshift cluster %s is not encrypted", [aws.rid(r)]), r, ["encrypted"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Redshift::Cluster"]
	v := aws.dig(aws.props(r), ["Encrypted"])
	not aws.unknown(v)
	aws.off(v)
	aws.unset(aws.get(r.Properties, "SnapshotIdentifier"))
	res := aws.res_path(sprintf("Redshift cluster %s is not encrypted", [aws.rid(r)]), r, ["Encrypted"])
}
