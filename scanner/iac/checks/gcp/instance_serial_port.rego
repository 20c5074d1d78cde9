# METADATA
# title: Interactive serial console access is enabled
# description: >-
#   serial-port-enable lets anyone with the right IAM role connect to
#   the VM's serial console from any IP address, bypassing firewall
#   rules.
# scope: package
# custom:
#   id: TG-GCP-0023
#   peer_ids:
#     trivy: [AVD-GCP-0032]
#     checkov: [CKV_GCP_35]
#     kics: [97fa667a-d05b-4f16-9071-58b939f34751]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Remove the serial-port-enable metadata key or set it to "false".'
#   references: [https://cloud.google.com/compute/docs/troubleshooting/troubleshooting-using-serial-console]
#   cwe: [CWE-284]
package tollgate.iac.gcp.instance_serial_port

import data.lib.cloud
import data.lib.iac

keys := {"serial-port-enable"}

deny contains res if {
	some [r, md, key, v] in _metadata
	_truthy(v)
	res := cloud.res(sprintf("%s enables the interactive serial console", [r.address]), r, md, key)
}

_truthy(v) if cloud.on(v)

_truthy(v) if v in {"1", 1}

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
