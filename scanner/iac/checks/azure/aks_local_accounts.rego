# METADATA
# title: AKS cluster keeps local accounts enabled
# description: >-
#   Local accounts give a static cluster-admin credential (az aks get-
#   credentials --admin) that bypasses Azure AD and cannot be audited
#   per user.
# scope: package
# custom:
#   id: TG-AZURE-0021
#   peer_ids:
#     checkov: [CKV_AZURE_141]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set local_account_disabled = true together with Azure AD integration.'
#   references: [https://learn.microsoft.com/en-us/azure/aks/manage-local-accounts-managed-azure-ad]
#   cwe: [CWE-287]
package tollgate.iac.azure.aks_local_accounts

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_kubernetes_cluster")
	v := cloud.get(r.values, "local_account_disabled")
	not cloud.unknown(v)
	not cloud.on(v)
	res := cloud.res(sprintf("AKS cluster %s keeps local accounts enabled", [r.address]), r, r.values, "local_account_disabled")
}
