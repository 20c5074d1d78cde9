# METADATA
# title: GKE cluster has Kubernetes alpha features enabled
# description: >-
#   Alpha clusters run unsupported, unhardened API features, get no
#   upgrades or SLA and are deleted after 30 days; they are not for
#   workloads that matter.
# scope: package
# custom:
#   id: TG-GCP-0044
#   peer_ids:
#     kics: [8ca7e731-56f6-4fb4-9b98-fcb0a93518c8]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Remove enable_kubernetes_alpha or set it to false.'
#   references: [https://cloud.google.com/kubernetes-engine/docs/concepts/alpha-clusters]
#   cwe: [CWE-1104]
package tollgate.iac.gcp.gke_alpha_features

import data.lib.cloud

deny contains res if {
	some r in cloud.tf("google_container_cluster")
	cloud.on(cloud.get(r.values, "enable_kubernetes_alpha"))
	res := cloud.res(sprintf("GKE cluster %s enables Kubernetes alpha features", [r.address]), r, r.values, "enable_kubernetes_alpha")
}
