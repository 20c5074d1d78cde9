# METADATA
# title: GKE node metadata is exposed to pods
# description: >-
#   workload_metadata_config mode GCE_METADATA (node_metadata
#   EXPOSE/UNSPECIFIED on older providers) lets every pod query the
#   node's metadata server and use the node service account.
# scope: package
# custom:
#   id: TG-GCP-0041
#   peer_ids:
#     trivy: [AVD-GCP-0057]
#     checkov: [CKV_GCP_69]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Use workload_metadata_config { mode = "GKE_METADATA" } with Workload Identity.'
#   references: [https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity]
#   cwe: [CWE-522]
package tollgate.iac.gcp.gke_node_metadata_exposed

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some type in ["google_container_cluster", "google_container_node_pool"]
	some r in cloud.tf(type)
	some nc in _node_configs(r)
	some w in cloud.blocks(nc, "workload_metadata_config")
	some key in ["mode", "node_metadata"]
	cloud.get(w, key) in {"GCE_METADATA", "EXPOSE", "UNSPECIFIED"}
	res := cloud.res(sprintf("%s exposes the node metadata server to pods", [r.address]), r, w, key)
}

_node_configs(r) := array.concat(cloud.blocks(r.values, "node_config"), [nc |
	some p in cloud.blocks(r.values, "node_pool")
	some nc in cloud.blocks(p, "node_config")
])
