# METADATA
# title: KMS key is not rotated at least every 90 days
# description: >-
#   A symmetric encryption key without rotation_period (or with one
#   longer than 90 days) protects more data with one key version for
#   longer. Asymmetric, MAC and import-only keys cannot rotate
#   automatically and are not reported.
# scope: package
# custom:
#   id: TG-GCP-0031
#   peer_ids:
#     trivy: [AVD-GCP-0065]
#     checkov: [CKV_GCP_43]
#     kics: [d8c57c4e-bf6f-4e32-a2bf-8643532de77b]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Set rotation_period = "7776000s" (90 days) or shorter on google_kms_crypto_key.'
#   references: [https://cloud.google.com/kms/docs/key-rotation]
#   cwe: [CWE-320]
package tollgate.iac.gcp.kms_key_rotation

import data.lib.cloud
import data.lib.iac

max_seconds := 7776000

deny contains res if {
	some r in cloud.tf("google_kms_crypto_key")
	_symmetric(cloud.get(r.values, "purpose"))
	not cloud.on(cloud.get(r.values, "import_only"))
	rp := cloud.get(r.values, "rotation_period")
	not cloud.unknown(rp)
	msg := _problem(rp)
	res := cloud.res(sprintf("KMS key %s %s", [r.address, msg]), r, r.values, "rotation_period")
}

_symmetric(p) if p == null

_symmetric(p) if p == "ENCRYPT_DECRYPT"

_problem(rp) := "has no rotation period" if rp == null

_problem(rp) := sprintf("rotates only every %s", [rp]) if {
	is_string(rp)
	to_number(trim_suffix(rp, "s")) > max_seconds
}
