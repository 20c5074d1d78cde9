# METADATA
# title: CodeBuild project disables artifact encryption
# description: >-
#   Build artifacts are written to S3 without encryption.
# scope: package
# custom:
#   id: TG-AWS-0073
#   peer_ids:
#     trivy: [AVD-AWS-0018]
#     checkov: [CKV_AWS_78]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Remove encryption_disabled = true (EncryptionDisabled: true) from the artifacts.'
#   references: [https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.codebuild_artifact_encryption

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_codebuild_project"]
	v := aws.dig(aws.props(r), ["artifacts", "encryption_disabled"])
	aws.is_true(v)
	res := aws.res_path(sprintf("CodeBuild project %s writes unencrypted artifacts", [aws.rid(r)]), r, ["artifacts", "encryption_disabled"])
}

deny contains res if {
	some r in aws.tf_index["aws_codebuild_project"]
	v := aws.dig(aws.props(r), ["secondary_artifacts", "encryption_disabled"])
	aws.is_true(v)
	res := aws.res_path(sprintf("CodeBuild project %s writes unencrypted artifacts", [aws.rid(r)]), r, ["secondary_artifacts", "encryption_disabled"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::CodeBuild::Project"]
	v := aws.dig(aws.props(r), ["Artifacts", "EncryptionDisabled"])
	aws.is_true(v)
	res := aws.res_path(sprintf("CodeBuild project %s writes unencrypted artifacts", [aws.rid(r)]), r, ["Artifacts", "EncryptionDisabled"])
}
