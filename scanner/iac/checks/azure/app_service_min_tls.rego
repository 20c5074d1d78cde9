# METADATA
# title: App Service allows TLS older than 1.2
# description: >-
#   site_config.min_tls_version (minimum_tls_version) 1.0 or 1.1 lets
#   clients negotiate deprecated TLS versions.
# scope: package
# custom:
#   id: TG-AZURE-0023
#   peer_ids:
#     trivy: [AVD-AZU-0006]
#     checkov: [CKV_AZURE_15]
#     kics: [b7b9d1c7-2d3b-49b4-b867-ebbe68d0b643]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set site_config.minimum_tls_version = "1.2" (min_tls_version on azurerm_app_service).'
#   references: [https://learn.microsoft.com/en-us/azure/app-service/overview-tls]
#   cwe: [CWE-326]
package tollgate.iac.azure.app_service_min_tls

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some [r, sc] in _site
	some key in ["min_tls_version", "minimum_tls_version", "scm_minimum_tls_version", "scm_min_tls_version"]
	cloud.tls_below_12(cloud.get(sc, key))
	res := cloud.res(sprintf("%s allows TLS %s (%s)", [r.address, sc[key], key]), r, sc, key)
}

# _site yields [resource, site_config block].
_site contains [r, sc] if {
	some type in ["azurerm_app_service", "azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_function_app", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot"]
	some r in cloud.tf(type)
	some sc in cloud.blocks(r.values, "site_config")
}
