# METADATA
# title: AKS cluster has Kubernetes RBAC disabled
# description: >-
#   Without RBAC every authenticated identity has full access to the
#   Kubernetes API.
# scope: package
# custom:
#   id: TG-AZURE-0018
#   peer_ids:
#     trivy: [AVD-AZU-0042]
#     checkov: [CKV_AZURE_5]
#     kics: [86f92117-eed8-4614-9c6c-b26da20ff37f]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Remove role_based_access_control_enabled = false (the default is true) and prefer Azure AD integration.'
#   references: [https://learn.microsoft.com/en-us/azure/aks/concepts-identity]
#   cwe: [CWE-284]
package tollgate.iac.azure.aks_rbac_disabled

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_kubernetes_cluster")
	cloud.off(cloud.get(r.values, "role_based_access_control_enabled"))
	res := cloud.res(sprintf("AKS cluster %s disables RBAC", [r.address]), r, r.values, "role_based_access_control_enabled")
}

deny contains res if {
	some r in cloud.tf("azurerm_kubernetes_cluster")
	b := cloud.first(r.values, "role_based_access_control")
	cloud.off(cloud.get(b, "enabled"))
	res := cloud.res(sprintf("AKS cluster %s disables RBAC", [r.address]), r, b, "enabled")
}
