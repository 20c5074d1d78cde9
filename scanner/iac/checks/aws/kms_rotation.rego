# METADATA
# title: KMS key rotation is disabled
# description: >-
#   Automatic rotation of a symmetric encryption key limits the amount of data
#   protected by one key version. Asymmetric, HMAC and external or custom key
#   store keys cannot be rotated automatically and are not reported.
# scope: package
# custom:
#   id: TG-AWS-0042
#   peer_ids:
#     trivy: [AVD-AWS-0065]
#     checkov: [CKV_AWS_7]
#     kics: [235ca980-eb71-48f4-9030-df0c371029eb, 1c07bfaf-663c-4f6f-b22b-8e2d481e4df5, 22fbfeac-7b5a-421a-8a27-7a2178bb910b]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set enable_key_rotation = true (EnableKeyRotation: true) on symmetric encryption keys.'
#   references: [https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html]
#   cwe: [CWE-320]
package tollgate.iac.aws.kms_rotation

import data.lib.aws

symmetric(spec, usage) if {
	spec in {null, "SYMMETRIC_DEFAULT"}
	usage in {null, "ENCRYPT_DECRYPT"}
}

deny contains res if {
	some r in aws.tf_index["aws_kms_key"]
	v := aws.dig(aws.props(r), ["enable_key_rotation"])
	not aws.unknown(v)
	aws.off(v)
	symmetric(aws.get(r.values, "customer_master_key_spec"), aws.get(r.values, "key_usage"))
	aws.unset(aws.get(r.values, "custom_key_store_id"))
	res := aws.res_path(sprintf("KMS key %s does not enable automatic rotation", [aws.rid(r)]), r, ["enable_key_rotation"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::KMS::Key"]
	v := aws.dig(aws.props(r), ["EnableKeyRotation"])
	not aws.unknown(v)
	aws.off(v)
	symmetric(aws.get(r.Properties, "KeySpec"), aws.get(r.Properties, "KeyUsage"))
	not aws.get(r.Properties, "Origin") in {"EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE"}
	res := aws.res_path(sprintf("KMS key %s does not enable automatic rotation", [aws.rid(r)]), r, ["EnableKeyRotation"])
}
