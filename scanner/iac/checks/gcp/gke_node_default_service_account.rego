# METADATA
# title: GKE nodes run as the default Compute Engine service account
# description: >-
#   The default compute service account usually holds the project Editor
#   role, so any pod that reaches the node metadata server gets broad
#   project access.
# scope: package
# custom:
#   id: TG-GCP-0016
#   peer_ids:
#     trivy: [AVD-GCP-0050]
#     kics: [1c8eef02-17b1-4a3e-b01d-dcc3292d2c38]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Create a minimal service account (roles/container.defaultNodeServiceAccount) and set node_config.service_account to it.'
#   references: [https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#use_least_privilege_sa]
#   cwe: [CWE-250]
package tollgate.iac.gcp.gke_node_default_service_account

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("google_container_node_pool")
	not cloud.unknown(cloud.get(r.values, "node_config"))
	nc := cloud.first(r.values, "node_config")
	_default_sa(nc)
	res := cloud.res_path(sprintf("GKE node pool %s uses the default compute service account", [r.address]), r, ["node_config", "service_account"])
}

deny contains res if {
	some r in cloud.tf("google_container_cluster")
	not cloud.on(cloud.get(r.values, "enable_autopilot"))
	not cloud.unknown(cloud.get(r.values, "enable_autopilot"))
	not cloud.on(cloud.get(r.values, "remove_default_node_pool"))
	not cloud.unknown(cloud.get(r.values, "remove_default_node_pool"))
	cloud.no_block(r.values, "node_pool")
	not cloud.unknown(cloud.get(r.values, "node_config"))
	_default_sa(cloud.first(r.values, "node_config"))
	res := cloud.res_path(sprintf("GKE cluster %s default node pool uses the default compute service account", [r.address]), r, ["node_config", "service_account"])
}

deny contains res if {
	some r in cloud.tf("google_container_cluster")
	some p in cloud.blocks(r.values, "node_pool")
	not cloud.unknown(cloud.get(p, "node_config"))
	nc := cloud.first(p, "node_config")
	_default_sa(nc)
	res := cloud.res(sprintf("GKE cluster %s has a node pool using the default compute service account", [r.address]), r, p, "node_config")
}

_default_sa(nc) if {
	sa := cloud.get(nc, "service_account")
	not cloud.unknown(sa)
	cloud.unset(sa)
}

_default_sa(nc) if cloud.default_compute_sa(cloud.get(nc, "service_account"))
