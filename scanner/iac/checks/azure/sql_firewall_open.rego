# METADATA
# title: Database firewall allows every IP address
# description: >-
#   A firewall rule from 0.0.0.0 to 255.255.255.255 opens the SQL,
#   PostgreSQL, MySQL or MariaDB server to the whole internet.
# scope: package
# custom:
#   id: TG-AZURE-0009
#   peer_ids:
#     trivy: [AVD-AZU-0029]
#     checkov: [CKV_AZURE_11]
#   severity: CRITICAL
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Replace the rule with the specific client ranges, or use private endpoints.'
#   references: [https://learn.microsoft.com/en-us/azure/azure-sql/database/firewall-configure]
#   cwe: [CWE-284]
package tollgate.iac.azure.sql_firewall_open

import data.lib.cloud
import data.lib.iac

types := ["azurerm_sql_firewall_rule", "azurerm_mssql_firewall_rule", "azurerm_postgresql_firewall_rule", "azurerm_mysql_firewall_rule", "azurerm_mariadb_firewall_rule", "azurerm_postgresql_flexible_server_firewall_rule", "azurerm_mysql_flexible_server_firewall_rule", "azurerm_synapse_firewall_rule", "azurerm_redis_firewall_rule", "azurerm_cosmosdb_postgresql_firewall_rule"]

deny contains res if {
	some type in types
	some r in cloud.tf(type)
	cloud.get(r.values, "start_ip_address") == "0.0.0.0"
	cloud.get(r.values, "end_ip_address") == "255.255.255.255"
	res := cloud.res(sprintf("Firewall rule %s allows every IP address", [r.address]), r, r.values, "end_ip_address")
}

deny contains res if {
	some type in types
	some r in cloud.tf(type)
	cloud.get(r.values, "start_ip") == "0.0.0.0"
	cloud.get(r.values, "end_ip") == "255.255.255.255"
	res := cloud.res(sprintf("Firewall rule %s allows every IP address", [r.address]), r, r.values, "end_ip")
}
