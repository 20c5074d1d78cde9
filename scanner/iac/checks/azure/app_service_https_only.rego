# METADATA
# title: App Service accepts plain HTTP
# description: >-
#   https_only defaults to false, so the app also serves unencrypted
#   HTTP requests.
# scope: package
# custom:
#   id: TG-AZURE-0022
#   peer_ids:
#     trivy: [AVD-AZU-0004]
#     checkov: [CKV_AZURE_14]
#     kics: [11e9a948-c6c3-4a0f-8dcf-b5cf1763cdbe]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set https_only = true.'
#   references: [https://learn.microsoft.com/en-us/azure/app-service/configure-ssl-bindings#enforce-https]
#   cwe: [CWE-319]
package tollgate.iac.azure.app_service_https_only

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some type in ["azurerm_app_service", "azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_function_app", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot"]
	some r in cloud.tf(type)
	v := cloud.get(r.values, "https_only")
	not cloud.unknown(v)
	not cloud.on(v)
	res := cloud.res(sprintf("%s does not enforce HTTPS", [r.address]), r, r.values, "https_only")
}
