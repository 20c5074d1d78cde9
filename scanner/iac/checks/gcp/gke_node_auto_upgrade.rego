# METADATA
# title: GKE node pool has automatic upgrades disabled
# description: >-
#   management.auto_upgrade = false leaves nodes on old, possibly
#   vulnerable Kubernetes and OS versions.
# scope: package
# custom:
#   id: TG-GCP-0014
#   peer_ids:
#     trivy: [AVD-GCP-0058]
#     checkov: [CKV_GCP_10]
#     kics: [b139213e-7d24-49c2-8025-c18faa21ecaa]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Remove management.auto_upgrade = false (the default is true).'
#   references: [https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-upgrades]
#   cwe: [CWE-1104]
package tollgate.iac.gcp.gke_node_auto_upgrade

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("google_container_node_pool")
	m := cloud.first(r.values, "management")
	cloud.off(cloud.get(m, "auto_upgrade"))
	res := cloud.res(sprintf("GKE node pool %s disables automatic upgrades", [r.address]), r, m, "auto_upgrade")
}

deny contains res if {
	some r in cloud.tf("google_container_cluster")
	some p in cloud.blocks(r.values, "node_pool")
	m := cloud.first(p, "management")
	cloud.off(cloud.get(m, "auto_upgrade"))
	res := cloud.res(sprintf("GKE cluster %s has a node pool that disables automatic upgrades", [r.address]), r, m, "auto_upgrade")
}
