# METADATA
# title: Key Vault is reachable from all networks
# description: >-
#   Without network_acls (or with default_action = "Allow") the vault
#   accepts requests from any network.
# scope: package
# custom:
#   id: TG-AZURE-0016
#   peer_ids:
#     trivy: [AVD-AZU-0013]
#     checkov: [CKV_AZURE_109]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Add network_acls { default_action = "Deny", bypass = "AzureServices" } with the allowed ip_rules / subnets, or disable public network access.'
#   references: [https://learn.microsoft.com/en-us/azure/key-vault/general/network-security]
#   cwe: [CWE-284]
package tollgate.iac.azure.keyvault_network_acls

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_key_vault")
	not cloud.off(cloud.get(r.values, "public_network_access_enabled"))
	not cloud.unknown(cloud.get(r.values, "public_network_access_enabled"))
	not cloud.path_unknown(r.values, ["network_acls", "default_action"])
	v := cloud.dig(r.values, ["network_acls", "default_action"])
	_open(v)
	res := cloud.res_path(sprintf("Key Vault %s allows access from all networks", [r.address]), r, ["network_acls", "default_action"])
}

_open(v) if v == null

_open(v) if lower(v) == "allow"
