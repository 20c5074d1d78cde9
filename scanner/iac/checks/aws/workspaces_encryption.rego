# METADATA
# title: WorkSpaces volumes are not encrypted
# description: >-
#   The WorkSpace root or user volume is stored unencrypted.
# scope: package
# custom:
#   id: TG-AWS-0072
#   peer_ids:
#     trivy: [AVD-AWS-0109]
#     checkov: [CKV_AWS_155, CKV_AWS_156]
#     kics: [89827c57-5a8a-49eb-9731-976a606d70db, b9033580-6886-401a-8631-5f19f5bb24c7]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Set root_volume_encryption_enabled and user_volume_encryption_enabled to true with a volume_encryption_key.
#   references: [https://docs.aws.amazon.com/workspaces/latest/adminguide/encrypt-workspaces.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.workspaces_encryption

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_workspaces_workspace"]
	v := aws.dig(aws.props(r), ["root_volume_encryption_enabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("WorkSpace %s does not encrypt its volumes", [aws.rid(r)]), r, ["root_volume_encryption_enabled"])
}

deny contains res if {
	some r in aws.tf_index["aws_workspaces_workspace"]
	v := aws.dig(aws.props(r), ["user_volume_encryption_enabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("WorkSpace %s does not encrypt its volumes", [aws.rid(r)]), r, ["user_volume_encryption_enabled"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::WorkSpaces::Workspace"]
	v := aws.dig(aws.props(r), ["RootVolumeEncryptionEnabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("WorkSpace %s does not encrypt its volumes", [aws.rid(r)]), r, ["RootVolumeEncryptionEnabled"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::WorkSpaces::Workspace"]
	v := aws.dig(aws.props(r), ["UserVolumeEncryptionEnabled"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("WorkSpace %s does not encrypt its volumes", [aws.rid(r)]), r, ["UserVolumeEncryptionEnabled"])
}
