# METADATA
# title: SQL server allows public network access
# description: >-
#   public_network_access_enabled defaults to true, so the server
#   endpoint is reachable from the internet subject only to its firewall
#   rules.
# scope: package
# custom:
#   id: TG-AZURE-0012
#   peer_ids:
#     trivy: [AVD-AZU-0022]
#     checkov: [CKV_AZURE_113]
#     kics: [ade36cf4-329f-4830-a83d-9db72c800507]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set public_network_access_enabled = false and connect through private endpoints.'
#   references: [https://learn.microsoft.com/en-us/azure/azure-sql/database/connectivity-settings#deny-public-network-access]
#   cwe: [CWE-668]
package tollgate.iac.azure.sql_server_public_network

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_mssql_server")
	v := cloud.get(r.values, "public_network_access_enabled")
	not cloud.unknown(v)
	not cloud.off(v)
	res := cloud.res(sprintf("SQL server %s allows public network access", [r.address]), r, r.values, "public_network_access_enabled")
}
