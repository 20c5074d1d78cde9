# METADATA
# title: SQL database has transparent data encryption disabled
# description: >-
#   transparent_data_encryption_enabled = false stores the database,
#   backups and logs unencrypted at rest.
# scope: package
# custom:
#   id: TG-AZURE-0011
#   peer_ids:
#     kics: [0745bb3f-60dc-43b6-90ae-67bb01fd1775]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Remove transparent_data_encryption_enabled = false (the default is true).'
#   references: [https://learn.microsoft.com/en-us/azure/azure-sql/database/transparent-data-encryption-tde-overview]
#   cwe: [CWE-311]
package tollgate.iac.azure.sql_database_tde_disabled

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_mssql_database")
	cloud.off(cloud.get(r.values, "transparent_data_encryption_enabled"))
	res := cloud.res(sprintf("SQL database %s disables transparent data encryption", [r.address]), r, r.values, "transparent_data_encryption_enabled")
}

deny contains res if {
	some r in cloud.tf("azurerm_sql_database")
	lower(cloud.get(r.values, "transparent_data_encryption")) == "disabled"
	res := cloud.res(sprintf("SQL database %s disables transparent data encryption", [r.address]), r, r.values, "transparent_data_encryption")
}
