# METADATA
# title: Disk encryption key is written in the configuration
# description: >-
#   A raw customer-supplied encryption key (raw_key /
#   disk_encryption_key_raw) in the configuration ends up in version
#   control and the Terraform state.
# scope: package
# custom:
#   id: TG-GCP-0040
#   peer_ids:
#     trivy: [AVD-GCP-0037]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Use kms_key_self_link (Cloud KMS) instead of a raw key, or pass the key through a secret store.'
#   references: [https://cloud.google.com/compute/docs/disks/customer-supplied-encryption]
#   cwe: [CWE-798]
package tollgate.iac.gcp.disk_plaintext_key

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some type in ["google_compute_disk", "google_compute_region_disk", "google_compute_image", "google_compute_snapshot"]
	some r in cloud.tf(type)
	some b in cloud.blocks(r.values, "disk_encryption_key")
	some key in ["raw_key", "rsa_encrypted_key"]
	_literal(cloud.get(b, key))
	res := cloud.res(sprintf("%s embeds a raw disk encryption key", [r.address]), r, b, key)
}

deny contains res if {
	some type in ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]
	some r in cloud.tf(type)
	some blk in ["boot_disk", "attached_disk", "disk"]
	some b in cloud.blocks(r.values, blk)
	_literal(cloud.get(b, "disk_encryption_key_raw"))
	res := cloud.res(sprintf("%s embeds a raw disk encryption key", [r.address]), r, b, "disk_encryption_key_raw")
}

_literal(v) if {
	is_string(v)
	v != ""
}
