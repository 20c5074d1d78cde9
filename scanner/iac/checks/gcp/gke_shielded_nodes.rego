# METADATA
# title: GKE cluster has shielded nodes disabled
# description: >-
#   Shielded GKE nodes give verifiable node identity and integrity;
#   turning them off lets a compromised node impersonate others more
#   easily.
# scope: package
# custom:
#   id: TG-GCP-0013
#   peer_ids:
#     trivy: [AVD-GCP-0055]
#     checkov: [CKV_GCP_71]
#     kics: [579a0727-9c29-4d58-8195-fc5802a8bdb4]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Remove enable_shielded_nodes = false (the default is true).'
#   references: [https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes]
#   cwe: [CWE-693]
package tollgate.iac.gcp.gke_shielded_nodes

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("google_container_cluster")
	cloud.off(cloud.get(r.values, "enable_shielded_nodes"))
	res := cloud.res(sprintf("GKE cluster %s disables shielded nodes", [r.address]), r, r.values, "enable_shielded_nodes")
}
