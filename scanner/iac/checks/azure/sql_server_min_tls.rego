# METADATA
# title: SQL server allows TLS older than 1.2
# description: >-
#   minimum_tls_version 1.0, 1.1 or Disabled lets clients use deprecated
#   TLS versions.
# scope: package
# custom:
#   id: TG-AZURE-0013
#   peer_ids:
#     trivy: [AVD-AZU-0026]
#     checkov: [CKV_AZURE_52]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set minimum_tls_version = "1.2".'
#   references: [https://learn.microsoft.com/en-us/azure/azure-sql/database/connectivity-settings#minimal-tls-version]
#   cwe: [CWE-326]
package tollgate.iac.azure.sql_server_min_tls

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_mssql_server")
	v := cloud.get(r.values, "minimum_tls_version")
	_weak(v)
	res := cloud.res(sprintf("SQL server %s allows TLS %s", [r.address, v]), r, r.values, "minimum_tls_version")
}

_weak(v) if cloud.tls_below_12(v)

_weak(v) if v == "Disabled"
