# METADATA
# title: App Service has no managed identity
# description: >-
#   Without a managed identity the app has to keep credentials for other
#   Azure services in settings or code.
# scope: package
# custom:
#   id: TG-AZURE-0026
#   peer_ids:
#     trivy: [AVD-AZU-0002]
#     checkov: [CKV_AZURE_16]
#     kics: [b61cce4b-0cc4-472b-8096-15617a6d769b]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Add an identity { type = "SystemAssigned" } (or UserAssigned) block and grant it the roles it needs.'
#   references: [https://learn.microsoft.com/en-us/azure/app-service/overview-managed-identity]
#   cwe: [CWE-798]
package tollgate.iac.azure.app_service_managed_identity

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some type in ["azurerm_app_service", "azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_function_app", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot"]
	some r in cloud.tf(type)
	cloud.no_block(r.values, "identity")
	res := iac.result(sprintf("%s has no managed identity", [r.address]), r)
}
