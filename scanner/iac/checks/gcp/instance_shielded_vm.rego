# METADATA
# title: Shielded VM integrity features are turned off
# description: >-
#   shielded_instance_config disables vTPM or integrity monitoring, so
#   boot-level tampering (rootkits, bootkits) goes undetected.
# scope: package
# custom:
#   id: TG-GCP-0038
#   peer_ids:
#     trivy: [AVD-GCP-0045, AVD-GCP-0041]
#     checkov: [CKV_GCP_39]
#     kics: [1b44e234-3d73-41a8-9954-0b154135280e]
#   severity: LOW
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Remove enable_vtpm = false / enable_integrity_monitoring = false (both default to true) and consider enable_secure_boot = true.'
#   references: [https://cloud.google.com/compute/shielded-vm/docs/shielded-vm]
#   cwe: [CWE-693]
package tollgate.iac.gcp.instance_shielded_vm

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some type in ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]
	some r in cloud.tf(type)
	some sc in cloud.blocks(r.values, "shielded_instance_config")
	some key in ["enable_vtpm", "enable_integrity_monitoring"]
	cloud.off(cloud.get(sc, key))
	res := cloud.res(sprintf("%s sets %s = false", [r.address, key]), r, sc, key)
}
