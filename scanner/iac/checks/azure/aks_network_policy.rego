# METADATA
# title: AKS cluster has no network policy
# description: >-
#   Without a network policy engine (azure, calico or cilium) pods can
#   reach every other pod, so one compromised workload can move
#   laterally.
# scope: package
# custom:
#   id: TG-AZURE-0019
#   peer_ids:
#     trivy: [AVD-AZU-0043]
#     checkov: [CKV_AZURE_7]
#     kics: [f5342045-b935-402d-adf1-8dbbd09c0eef]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set network_profile.network_policy = "azure", "calico" or "cilium".'
#   references: [https://learn.microsoft.com/en-us/azure/aks/use-network-policies]
#   cwe: [CWE-284]
package tollgate.iac.azure.aks_network_policy

import data.lib.cloud
import data.lib.iac

path := ["network_profile", "network_policy"]

deny contains res if {
	some r in cloud.tf("azurerm_kubernetes_cluster")
	not cloud.path_unknown(r.values, path)
	v := cloud.dig(r.values, path)
	_none(v)
	res := cloud.res_path(sprintf("AKS cluster %s has no network policy", [r.address]), r, path)
}

_none(v) if v == null

_none(v) if v == "none"
