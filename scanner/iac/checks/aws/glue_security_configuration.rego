# METADATA
# title: Glue security configuration disables encryption
# description: >-
#   The Glue security configuration leaves S3 output, CloudWatch logs or job
#   bookmarks unencrypted.
# scope: package
# custom:
#   id: TG-AWS-0070
#   peer_ids:
#     checkov: [CKV_AWS_99]
#     kics: [ad5b4e97-2850-4adf-be17-1d293e0b85ee]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Set the S3, CloudWatch and job bookmark encryption modes to SSE-KMS (or CSE-KMS).
#   references: [https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.glue_security_configuration

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_glue_security_configuration"]
	v := aws.dig(aws.props(r), ["encryption_configuration", "s3_encryption", "s3_encryption_mode"])
	v == "DISABLED"
	res := aws.res_path(sprintf("Glue security configuration %s disables encryption", [aws.rid(r)]), r, ["encryption_configuration", "s3_encryption", "s3_encryption_mode"])
}

deny contains res if {
	some r in aws.tf_index["aws_glue_security_configuration"]
	v := aws.dig(aws.props(r), ["encryption_configuration", "cloudwatch_encryption", "cloudwatch_encryption_mode"])
	v == "DISABLED"
	res := aws.res_path(sprintf("Glue security configuration %s disables encryption", [aws.rid(r)]), r, ["encryption_configuration", "cloudwatch_encryption", "cloudwatch_encryption_mode"])
}

deny contains res if {
	some r in aws.tf_index["aws_glue_security_configuration"]
	v := aws.dig(aws.props(r), ["encryption_configuration", "job_bookmarks_encryption", "job_bookmarks_encryption_mode"])
	v == "DISABLED"
	res := aws.res_path(sprintf("Glue security configuration %s disables encryption", [aws.rid(r)]), r, ["encryption_configuration", "job_bookmarks_encryption", "job_bookmarks_encryption_mode"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Glue::SecurityConfiguration"]
	v := aws.dig(aws.props(r), ["EncryptionConfiguration", "S3Encryptions", "S3EncryptionMode"])
	v == "DISABLED"
	res := aws.res_path(sprintf("Glue security configuration %s disables encryption", [aws.rid(r)]), r, ["EncryptionConfiguration", "S3Encryptions", "S3EncryptionMode"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Glue::SecurityConfiguration"]
	v := aws.dig(aws.props(r), ["EncryptionConfiguration", "CloudWatchEncryption", "CloudWatchEncryptionMode"])
	v == "DISABLED"
	res := aws.res_path(sprintf("Glue security configuration %s disables encryption", [aws.rid(r)]), r, ["EncryptionConfiguration", "CloudWatchEncryption", "CloudWatchEncryptionMode"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Glue::SecurityConfiguration"]
	v := aws.dig(aws.props(r), ["EncryptionConfiguration", "JobBookmarksEncryption", "JobBookmarksEncryptionMode"])
	v == "DISABLED"
	res := aws.res_path(sprintf("Glue security configuration %s disables encryption", [aws.rid(r)]), r, ["EncryptionConfiguration", "JobBookmarksEncryption", "JobBookmarksEncryptionMode"])
}
