# METADATA
# title: AKS cluster has the Azure Policy add-on disabled
# description: >-
#   Without the Azure Policy add-on the cluster enforces no admission
#   policies (privileged pods, host namespaces, untrusted registries) from
#   Azure Policy.
# scope: package
# custom:
#   id: TG-AZURE-0041
#   peer_ids:
#     trivy: [AVD-AZU-0066]
#     checkov: [CKV_AZURE_116]
#   severity: LOW
#   frameworks: [terraform, terraform-plan]
#   remediation: 'Set azure_policy_enabled = true (or addon_profile.azure_policy.enabled on provider 2.x).'
#   references: [https://learn.microsoft.com/en-us/azure/governance/policy/concepts/policy-for-kubernetes]
#   cwe: [CWE-1188]
package tollgate.iac.azure.aks_azure_policy

import data.lib.cloud

deny contains res if {
	some r in cloud.tf("azurerm_kubernetes_cluster")
	v := cloud.get(r.values, "azure_policy_enabled")
	not cloud.unknown(v)
	not cloud.on(v)
	not _addon_on(r)
	res := cloud.res(sprintf("AKS cluster %s has the Azure Policy add-on disabled", [r.address]), r, r.values, "azure_policy_enabled")
}

# provider 2.x: addon_profile { azure_policy { enabled = true } }
_addon_on(r) if cloud.on(cloud.dig(r.values, ["addon_profile", "azure_policy", "enabled"]))

_addon_on(r) if cloud.unknown(cloud.dig(r.values, ["addon_profile", "azure_policy", "enabled"]))
