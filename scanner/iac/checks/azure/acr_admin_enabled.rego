# METADATA
# title: Container registry admin account is enabled
# description: >-
#   The admin user is a single shared credential with push and pull
#   rights that is not tied to any identity.
# scope: package
# custom:
#   id: TG-AZURE-0027
#   peer_ids:
#     checkov: [CKV_AZURE_137]
#     kics: [b897dfbf-322c-45a8-b67c-1e698beeaa51]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set admin_enabled = false and use Azure AD identities or scoped tokens.'
#   references: [https://learn.microsoft.com/en-us/azure/container-registry/container-registry-authentication#admin-account]
#   cwe: [CWE-798]
package tollgate.iac.azure.acr_admin_enabled

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_container_registry")
	cloud.on(cloud.get(r.values, "admin_enabled"))
	res := cloud.res(sprintf("Container registry %s has the admin account enabled", [r.address]), r, r.values, "admin_enabled")
}
