# METADATA
# title: SNS topic is not encrypted
# description: >-
#   Messages published to the topic are stored unencrypted at rest.
# scope: package
# custom:
#   id: TG-AWS-0050
#   peer_ids:
#     trivy: [AVD-AWS-0095]
#     checkov: [CKV_AWS_26]
#     kics: [28545147-2fc6-42d5-a1f9-cf226658e591]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Set kms_master_key_id (KmsMasterKeyId), for example to alias/aws/sns or a customer managed key.
#   references: [https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.sns_encryption

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_sns_topic"]
	v := aws.dig(aws.props(r), ["kms_master_key_id"])
	aws.unset(v)
	res := aws.res_path(sprintf("SNS topic %s is not encrypted", [aws.rid(r)]), r, ["kms_master_key_id"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::SNS::Topic"]
	v := aws.dig(aws.props(r), ["KmsMasterKeyId"])
	aws.unset(v)
	res := aws.res_path(sprintf("SNS topic %s is not encrypted", [aws.rid(r)]), r, ["KmsMasterKeyId"])
}
