# METADATA
# title: GKE cluster does not enforce network policies
# description: >-
#   Without network policy enforcement (Calico network_policy or
#   Dataplane V2), every pod can reach every other pod, so one
#   compromised workload can move laterally.
# scope: package
# custom:
#   id: TG-GCP-0010
#   peer_ids:
#     trivy: [AVD-GCP-0056]
#     checkov: [CKV_GCP_12]
#     kics: [11e7550e-c4b6-472e-adff-c698f157cdd7, 99976ba0-aa37-4745-93a6-5f1d55997f67]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Add network_policy { enabled = true } (with addons_config.network_policy_config) or set datapath_provider = "ADVANCED_DATAPATH".'
#   references: [https://cloud.google.com/kubernetes-engine/docs/how-to/network-policy]
#   cwe: [CWE-284]
package tollgate.iac.gcp.gke_network_policy

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("google_container_cluster")
	not cloud.on(cloud.get(r.values, "enable_autopilot"))
	not cloud.unknown(cloud.get(r.values, "enable_autopilot"))
	dp := cloud.get(r.values, "datapath_provider")
	not cloud.unknown(dp)
	dp != "ADVANCED_DATAPATH"
	not cloud.path_unknown(r.values, ["network_policy", "enabled"])
	not cloud.on(cloud.dig(r.values, ["network_policy", "enabled"]))
	res := cloud.res_path(sprintf("GKE cluster %s does not enforce network policies", [r.address]), r, ["network_policy", "enabled"])
}
