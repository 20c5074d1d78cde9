# METADATA
# title: Cosmos DB account is reachable from any network
# description: >-
#   Public network access without IP range filters or virtual network
#   filtering accepts connections from the whole internet.
# scope: package
# custom:
#   id: TG-AZURE-0031
#   peer_ids:
#     checkov: [CKV_AZURE_99]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set public_network_access_enabled = false, or is_virtual_network_filter_enabled = true / ip_range_filter with trusted ranges.'
#   references: [https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-configure-firewall]
#   cwe: [CWE-284]
package tollgate.iac.azure.cosmosdb_public_access

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_cosmosdb_account")
	pna := cloud.get(r.values, "public_network_access_enabled")
	not cloud.unknown(pna)
	not cloud.off(pna)
	vnf := cloud.get(r.values, "is_virtual_network_filter_enabled")
	not cloud.unknown(vnf)
	not cloud.on(vnf)
	ipf := cloud.get(r.values, "ip_range_filter")
	not cloud.unknown(ipf)
	_empty(ipf)
	res := cloud.res(sprintf("Cosmos DB account %s accepts connections from any network", [r.address]), r, r.values, "public_network_access_enabled")
}

_empty(v) if v == null

_empty(v) if v == ""

_empty(v) if v == []
