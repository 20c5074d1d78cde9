# METADATA
# title: GKE cluster nodes have public IP addresses
# description: >-
#   Without private_cluster_config.enable_private_nodes, every node gets
#   an external IP and is directly reachable from the internet.
# scope: package
# custom:
#   id: TG-GCP-0009
#   peer_ids:
#     trivy: [AVD-GCP-0059]
#     checkov: [CKV_GCP_25]
#     kics: [6ccb85d7-0420-4907-9380-50313f80946b]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Add private_cluster_config { enable_private_nodes = true } (with master_ipv4_cidr_block) and use Cloud NAT for egress.'
#   references: [https://cloud.google.com/kubernetes-engine/docs/how-to/private-clusters]
#   cwe: [CWE-668]
package tollgate.iac.gcp.gke_private_nodes

import data.lib.cloud
import data.lib.iac

path := ["private_cluster_config", "enable_private_nodes"]

deny contains res if {
	some r in cloud.tf("google_container_cluster")
	not cloud.path_unknown(r.values, path)
	not cloud.on(cloud.dig(r.values, path))
	res := cloud.res_path(sprintf("GKE cluster %s does not use private nodes", [r.address]), r, path)
}
