# METADATA
# title: App Service allows unencrypted FTP deployment
# description: >-
#   ftps_state = "AllAllowed" accepts plain FTP, which sends deployment
#   credentials and code in clear text.
# scope: package
# custom:
#   id: TG-AZURE-0024
#   peer_ids:
#     trivy: [AVD-AZU-0071]
#     checkov: [CKV_AZURE_78]
#     kics: [85da374f-b00f-4832-9d44-84a1ca1e89f8]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set site_config.ftps_state = "Disabled" (or "FtpsOnly").'
#   references: [https://learn.microsoft.com/en-us/azure/app-service/deploy-ftp#enforce-ftps]
#   cwe: [CWE-319]
package tollgate.iac.azure.app_service_ftps

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some [r, sc] in _site
	cloud.get(sc, "ftps_state") == "AllAllowed"
	res := cloud.res(sprintf("%s allows plain FTP", [r.address]), r, sc, "ftps_state")
}

# _site yields [resource, site_config block].
_site contains [r, sc] if {
	some type in ["azurerm_app_service", "azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_function_app", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot"]
	some r in cloud.tf(type)
	some sc in cloud.blocks(r.values, "site_config")
}
