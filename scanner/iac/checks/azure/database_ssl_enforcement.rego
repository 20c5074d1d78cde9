# METADATA
# title: Database server does not enforce SSL connections
# description: >-
#   ssl_enforcement_enabled = false (or require_secure_transport = off
#   on flexible servers) lets clients connect without TLS.
# scope: package
# custom:
#   id: TG-AZURE-0028
#   peer_ids:
#     trivy: [AVD-AZU-0020]
#     checkov: [CKV_AZURE_28, CKV_AZURE_29]
#     kics: [0437633b-daa6-4bbc-8526-c0d2443b946e]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set ssl_enforcement_enabled = true; on flexible servers keep require_secure_transport = ON.'
#   references: [https://learn.microsoft.com/en-us/azure/postgresql/single-server/concepts-ssl-connection-security, https://learn.microsoft.com/en-us/azure/mysql/flexible-server/how-to-connect-tls-ssl]
#   cwe: [CWE-319]
package tollgate.iac.azure.database_ssl_enforcement

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some type in ["azurerm_postgresql_server", "azurerm_mysql_server", "azurerm_mariadb_server"]
	some r in cloud.tf(type)
	cloud.off(cloud.get(r.values, "ssl_enforcement_enabled"))
	res := cloud.res(sprintf("Database server %s does not enforce SSL", [r.address]), r, r.values, "ssl_enforcement_enabled")
}

deny contains res if {
	some type in ["azurerm_postgresql_server", "azurerm_mysql_server", "azurerm_mariadb_server"]
	some r in cloud.tf(type)
	lower(cloud.get(r.values, "ssl_enforcement")) == "disabled"
	res := cloud.res(sprintf("Database server %s does not enforce SSL", [r.address]), r, r.values, "ssl_enforcement")
}

deny contains res if {
	some type in ["azurerm_postgresql_flexible_server_configuration", "azurerm_mysql_flexible_server_configuration", "azurerm_postgresql_configuration", "azurerm_mysql_configuration"]
	some r in cloud.tf(type)
	cloud.get(r.values, "name") == "require_secure_transport"
	lower(cloud.get(r.values, "value")) in {"off", "0", "false"}
	res := cloud.res(sprintf("%s turns off require_secure_transport", [r.address]), r, r.values, "value")
}
