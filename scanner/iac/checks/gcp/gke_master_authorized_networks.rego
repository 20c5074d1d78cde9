# METADATA
# title: GKE control plane is reachable from any network
# description: >-
#   Without master authorized networks (or with 0.0.0.0/0 in them) the
#   Kubernetes API endpoint accepts connections from the whole internet.
# scope: package
# custom:
#   id: TG-GCP-0011
#   peer_ids:
#     trivy: [AVD-GCP-0061]
#     checkov: [CKV_GCP_20]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Add master_authorized_networks_config with cidr_blocks listing only trusted ranges, or make the endpoint private.'
#   references: [https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks]
#   cwe: [CWE-284]
package tollgate.iac.gcp.gke_master_authorized_networks

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("google_container_cluster")
	not cloud.path_unknown(r.values, ["private_cluster_config", "enable_private_endpoint"])
	not cloud.on(cloud.dig(r.values, ["private_cluster_config", "enable_private_endpoint"]))
	cloud.no_block(r.values, "master_authorized_networks_config")
	res := cloud.res(sprintf("GKE cluster %s has no master authorized networks", [r.address]), r, r.values, "master_authorized_networks_config")
}

deny contains res if {
	some r in cloud.tf("google_container_cluster")
	some b in cloud.blocks(cloud.first(r.values, "master_authorized_networks_config"), "cidr_blocks")
	cloud.public_source(cloud.get(b, "cidr_block"))
	res := cloud.res(sprintf("GKE cluster %s authorizes %s to reach the control plane", [r.address, b.cidr_block]), r, b, "cidr_block")
}
