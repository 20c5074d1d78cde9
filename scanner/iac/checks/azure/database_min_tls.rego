# METADATA
# title: Database server allows TLS older than 1.2
# description: >-
#   ssl_minimal_tls_version_enforced TLS1_0, TLS1_1 or
#   TLSEnforcementDisabled lets clients use deprecated TLS versions.
# scope: package
# custom:
#   id: TG-AZURE-0029
#   peer_ids:
#     trivy: [AVD-AZU-0026]
#     checkov: [CKV_AZURE_54, CKV_AZURE_147]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set ssl_minimal_tls_version_enforced = "TLS1_2".'
#   references: [https://learn.microsoft.com/en-us/azure/postgresql/single-server/how-to-tls-configurations]
#   cwe: [CWE-326]
package tollgate.iac.azure.database_min_tls

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some type in ["azurerm_postgresql_server", "azurerm_mysql_server", "azurerm_mariadb_server"]
	some r in cloud.tf(type)
	v := cloud.get(r.values, "ssl_minimal_tls_version_enforced")
	cloud.tls_below_12(v)
	res := cloud.res(sprintf("Database server %s allows %s", [r.address, v]), r, r.values, "ssl_minimal_tls_version_enforced")
}
