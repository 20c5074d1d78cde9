# METADATA
# title: VM has a public IP address
# description: >-
#   An access_config block gives the network interface an external IP,
#   so the VM is reachable from the internet wherever firewall rules
#   allow.
# scope: package
# custom:
#   id: TG-GCP-0026
#   peer_ids:
#     trivy: [AVD-GCP-0031]
#     checkov: [CKV_GCP_40]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Remove the access_config block and reach the VM through IAP, a bastion or a load balancer; use Cloud NAT for egress.'
#   references: [https://cloud.google.com/compute/docs/ip-addresses/reserve-static-external-ip-address]
#   cwe: [CWE-668]
package tollgate.iac.gcp.instance_public_ip

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some type in ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]
	some r in cloud.tf(type)
	some ni in cloud.blocks(r.values, "network_interface")
	count(cloud.blocks(ni, "access_config")) > 0
	res := cloud.res(sprintf("%s has a public IP address", [r.address]), r, ni, "access_config")
}
