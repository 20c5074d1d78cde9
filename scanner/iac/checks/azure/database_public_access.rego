# METADATA
# title: Database server allows public network access
# description: >-
#   PostgreSQL/MySQL/MariaDB single servers default to public network
#   access; flexible servers with public_network_access_enabled = true
#   are reachable from the internet subject only to firewall rules.
# scope: package
# custom:
#   id: TG-AZURE-0030
#   peer_ids:
#     trivy: [AVD-AZU-0022]
#     checkov: [CKV_AZURE_53, CKV_AZURE_68]
#     kics: [7f0a8696-7159-4337-ad0d-8a3ab4a78195]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set public_network_access_enabled = false and use private endpoints or VNet integration.'
#   references: [https://learn.microsoft.com/en-us/azure/postgresql/single-server/concepts-data-access-and-security-private-link]
#   cwe: [CWE-668]
package tollgate.iac.azure.database_public_access

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some type in ["azurerm_postgresql_server", "azurerm_mysql_server", "azurerm_mariadb_server"]
	some r in cloud.tf(type)
	v := cloud.get(r.values, "public_network_access_enabled")
	not cloud.unknown(v)
	not cloud.off(v)
	res := cloud.res(sprintf("Database server %s allows public network access", [r.address]), r, r.values, "public_network_access_enabled")
}

deny contains res if {
	some type in ["azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server"]
	some r in cloud.tf(type)
	cloud.on(cloud.get(r.values, "public_network_access_enabled"))
	res := cloud.res(sprintf("Database server %s allows public network access", [r.address]), r, r.values, "public_network_access_enabled")
}
