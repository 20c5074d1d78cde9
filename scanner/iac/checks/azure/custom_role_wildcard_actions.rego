# METADATA
# title: Custom role grants every action
# description: >-
#   A custom role definition whose permissions.actions contains "*" is
#   equivalent to Owner within its assignable scopes.
# scope: package
# custom:
#   id: TG-AZURE-0038
#   peer_ids:
#     trivy: [AVD-AZU-0030]
#     checkov: [CKV_AZURE_39]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'List only the actions the role needs (for example Microsoft.Storage/storageAccounts/read).'
#   references: [https://learn.microsoft.com/en-us/azure/role-based-access-control/custom-roles]
#   cwe: [CWE-250]
package tollgate.iac.azure.custom_role_wildcard_actions

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_role_definition")
	some p in cloud.blocks(r.values, "permissions")
	some a in cloud.as_list(cloud.get(p, "actions"))
	a == "*"
	res := cloud.res(sprintf("Custom role %s allows every action", [r.address]), r, p, "actions")
}
