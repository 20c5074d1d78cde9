# METADATA
# title: OS Login is disabled
# description: >-
#   enable-oslogin = FALSE falls back to metadata-managed SSH keys,
#   which are not tied to IAM identities, are hard to revoke and skip
#   2-step verification.
# scope: package
# custom:
#   id: TG-GCP-0024
#   peer_ids:
#     trivy: [AVD-GCP-0042, AVD-GCP-0036]
#     checkov: [CKV_GCP_33, CKV_GCP_34]
#     kics: [32ecd6eb-0711-421f-9627-1a28d9eff217, d0b4d550-c001-46c3-bbdb-d5d75d33f05f]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Remove the override or set enable-oslogin = "TRUE" (project-wide in google_compute_project_metadata).'
#   references: [https://cloud.google.com/compute/docs/oslogin]
#   cwe: [CWE-287]
package tollgate.iac.gcp.instance_os_login_disabled

import data.lib.cloud
import data.lib.iac

keys := {"enable-oslogin"}

deny contains res if {
	some [r, md, key, v] in _metadata
	_falsy(v)
	res := cloud.res(sprintf("%s disables OS Login", [r.address]), r, md, key)
}

_falsy(v) if cloud.off(v)

_falsy(v) if v in {"0", 0}

# _metadata yields [resource, object holding the key, key, value].
_metadata contains [r, md, key, v] if {
	some type in array.concat(["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"], ["google_compute_project_metadata"])
	some r in cloud.tf(type)
	md := cloud.get(r.values, "metadata")
	is_object(md)
	some key in keys
	v := md[key]
}

_metadata contains [r, r.values, "value", v] if {
	some r in cloud.tf("google_compute_project_metadata_item")
	cloud.get(r.values, "key") in keys
	v := cloud.get(r.values, "value")
}
