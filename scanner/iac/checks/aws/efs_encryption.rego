# METADATA
# title: EFS file system is not encrypted
# description: >-
#   The EFS file system stores its data unencrypted at rest; encryption can
#   only be chosen at creation.
# scope: package
# custom:
#   id: TG-AWS-0045
#   peer_ids:
#     trivy: [AVD-AWS-0037]
#     checkov: [CKV_AWS_42]
#     kics: [2ff8e83c-90e1-4d68-a300-6d652112e622, 48207659-729f-4b5c-9402-f884257d794f]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set encrypted = true (Encrypted: true), optionally with kms_key_id.'
#   references: [https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.efs_encryption

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_efs_file_system"]
	v := aws.dig(aws.props(r), ["encrypted"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("EFS file system %s is not encrypted at rest", [aws.rid(r)]), r, ["encrypted"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::EFS::FileSystem"]
	v := aws.dig(aws.props(r), ["Encrypted"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("EFS file system %s is not encrypted at rest", [aws.rid(r)]), r, ["Encrypted"])
}
