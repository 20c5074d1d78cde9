# METADATA
# title: GKE node pool has automatic repair disabled
# description: >-
#   management.auto_repair = false leaves nodes that fail health checks
#   in service instead of recreating them.
# scope: package
# custom:
#   id: TG-GCP-0015
#   peer_ids:
#     trivy: [AVD-GCP-0063]
#     checkov: [CKV_GCP_9]
#     kics: [acfdbec6-4a17-471f-b412-169d77553332]
#   severity: LOW
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Remove management.auto_repair = false (the default is true).'
#   references: [https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-repair]
#   cwe: [CWE-693]
package tollgate.iac.gcp.gke_node_auto_repair

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("google_container_node_pool")
	m := cloud.first(r.values, "management")
	cloud.off(cloud.get(m, "auto_repair"))
	res := cloud.res(sprintf("GKE node pool %s disables automatic repair", [r.address]), r, m, "auto_repair")
}

deny contains res if {
	some r in cloud.tf("google_container_cluster")
	some p in cloud.blocks(r.values, "node_pool")
	m := cloud.first(p, "management")
	cloud.off(cloud.get(m, "auto_repair"))
	res := cloud.res(sprintf("GKE cluster %s has a node pool that disables automatic repair", [r.address]), r, m, "auto_repair")
}
