# METADATA
# title: GKE nodes expose the legacy metadata endpoints
# description: >-
#   disable-legacy-endpoints = false re-enables the v0.1/v1beta1
#   metadata API, which does not require the Metadata-Flavor header and
#   makes SSRF theft of node credentials easy.
# scope: package
# custom:
#   id: TG-GCP-0012
#   peer_ids:
#     trivy: [AVD-GCP-0048]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Remove the disable-legacy-endpoints metadata override (or set it to "true").'
#   references: [https://cloud.google.com/kubernetes-engine/docs/how-to/protecting-cluster-metadata]
#   cwe: [CWE-522]
package tollgate.iac.gcp.gke_legacy_metadata_endpoints

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some type in ["google_container_cluster", "google_container_node_pool"]
	some r in cloud.tf(type)
	some nc in _node_configs(r)
	md := cloud.get(nc, "metadata")
	cloud.off(cloud.get(md, "disable-legacy-endpoints"))
	res := cloud.res(sprintf("%s enables the legacy metadata endpoints", [r.address]), r, md, "disable-legacy-endpoints")
}

_node_configs(r) := array.concat(cloud.blocks(r.values, "node_config"), [nc |
	some p in cloud.blocks(r.values, "node_pool")
	some nc in cloud.blocks(p, "node_config")
])
