# METADATA
# title: App Service CORS allows every origin
# description: >-
#   allowed_origins = ["*"] lets scripts on any website call the app from a visitor's browser;
#   with cookie or token authentication in the browser that exposes the visitor's data.
# scope: package
# custom:
#   id: TG-AZURE-0041
#   peer_ids:
#     checkov: [CKV_AZURE_57]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'List the origins that need access in site_config.cors.allowed_origins instead of "*".'
#   references: [https://learn.microsoft.com/en-us/azure/app-service/app-service-web-tutorial-rest-api#add-cors-functionality]
#   cwe: [CWE-942]
package tollgate.iac.azure.app_service_cors_all_origins

import data.lib.cloud

deny contains res if {
	some [r, cors] in _cors
	"*" in cloud.as_list(cloud.get(cors, "allowed_origins"))
	res := cloud.res(sprintf("%s allows CORS requests from every origin", [r.address]), r, cors, "allowed_origins")
}

# _cors yields [resource, site_config.cors block].
_cors contains [r, cors] if {
	some type in ["azurerm_app_service", "azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_function_app", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot"]
	some r in cloud.tf(type)
	some sc in cloud.blocks(r.values, "site_config")
	some cors in cloud.blocks(sc, "cors")
}
