# METADATA
# title: App Service has remote debugging enabled
# description: >-
#   Remote debugging opens extra inbound ports and a powerful attach
#   interface to the running app.
# scope: package
# custom:
#   id: TG-AZURE-0025
#   peer_ids:
#     checkov: [CKV_AZURE_72]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set site_config.remote_debugging_enabled = false (the default).'
#   references: [https://learn.microsoft.com/en-us/azure/app-service/configure-common]
#   cwe: [CWE-489]
package tollgate.iac.azure.app_service_remote_debugging

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some [r, sc] in _site
	some key in ["remote_debugging_enabled", "remote_debugging"]
	cloud.on(cloud.get(sc, key))
	res := cloud.res(sprintf("%s has remote debugging enabled", [r.address]), r, sc, key)
}

# _site yields [resource, site_config block].
_site contains [r, sc] if {
	some type in ["azurerm_app_service", "azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_function_app", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot"]
	some r in cloud.tf(type)
	some sc in cloud.blocks(r.values, "site_config")
}
