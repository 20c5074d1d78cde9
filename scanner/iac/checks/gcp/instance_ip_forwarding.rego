# METADATA
# title: VM can forward IP packets
# description: >-
#   can_ip_forward = true lets the VM send and receive packets for other
#   addresses, so a compromised VM can route or spoof traffic.
# scope: package
# custom:
#   id: TG-GCP-0025
#   peer_ids:
#     trivy: [AVD-GCP-0043]
#     checkov: [CKV_GCP_36]
#     kics: [f34c0c25-47b4-41eb-9c79-249b4dd47b89]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Set can_ip_forward = false unless the VM is a NAT or router appliance.'
#   references: [https://cloud.google.com/vpc/docs/using-routes#canipforward]
#   cwe: [CWE-284]
package tollgate.iac.gcp.instance_ip_forwarding

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some type in ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]
	some r in cloud.tf(type)
	cloud.on(cloud.get(r.values, "can_ip_forward"))
	res := cloud.res(sprintf("%s has IP forwarding enabled", [r.address]), r, r.values, "can_ip_forward")
}
