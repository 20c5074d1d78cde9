# METADATA
# title: GKE nodes do not use Container-Optimized OS
# description: >-
#   An explicit non-COS image_type (Ubuntu, Windows) has a larger attack
#   surface and no locked-down, verified root file system.
# scope: package
# custom:
#   id: TG-GCP-0042
#   peer_ids:
#     trivy: [AVD-GCP-0054]
#     checkov: [CKV_GCP_22]
#     kics: [8a893e46-e267-485a-8690-51f39951de58]
#   severity: LOW
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Use image_type = "COS_CONTAINERD" (the default) unless the workload needs another image.'
#   references: [https://cloud.google.com/kubernetes-engine/docs/concepts/node-images]
#   cwe: [CWE-1104]
package tollgate.iac.gcp.gke_node_image_not_cos

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some type in ["google_container_cluster", "google_container_node_pool"]
	some r in cloud.tf(type)
	some nc in _node_configs(r)
	img := cloud.get(nc, "image_type")
	is_string(img)
	not startswith(upper(img), "COS")
	res := cloud.res(sprintf("%s uses node image %s", [r.address, img]), r, nc, "image_type")
}

_node_configs(r) := array.concat(cloud.blocks(r.values, "node_config"), [nc |
	some p in cloud.blocks(r.values, "node_pool")
	some nc in cloud.blocks(p, "node_config")
])
