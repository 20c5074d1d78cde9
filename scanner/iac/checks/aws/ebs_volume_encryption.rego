# METADATA
# title: EBS volume is not encrypted
# description: >-
#   The EBS volume, its snapshots and the data moving between it and the
#   instance are not encrypted.
# scope: package
# custom:
#   id: TG-AWS-0043
#   peer_ids:
#     trivy: [AVD-AWS-0026]
#     checkov: [CKV_AWS_3]
#     kics: [80b7ac3f-d2b7-4577-9b10-df7913497162, cc997676-481b-4e93-aa81-d19f8c5e9b12]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set encrypted = true (Encrypted: true), optionally with a customer managed kms_key_id, or enable aws_ebs_encryption_by_default.'
#   references: [https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.ebs_volume_encryption

import data.lib.aws

default_encryption if {
	some d in aws.tf_index["aws_ebs_encryption_by_default"]
	not aws.is_false(aws.get(d.values, "enabled"))
}

deny contains res if {
	some r in aws.tf_index["aws_ebs_volume"]
	v := aws.dig(aws.props(r), ["encrypted"])
	not aws.unknown(v)
	aws.off(v)
	aws.unset(aws.get(r.values, "snapshot_id"))
	not default_encryption
	res := aws.res_path(sprintf("EBS volume %s is not encrypted", [aws.rid(r)]), r, ["encrypted"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::EC2::Volume"]
	v := aws.dig(aws.props(r), ["Encrypted"])
	not aws.unknown(v)
	aws.off(v)
	aws.unset(aws.get(r.Properties, "SnapshotId"))
	res := aws.res_path(sprintf("EBS volume %s is not encrypted", [aws.rid(r)]), r, ["Encrypted"])
}
