# METADATA
# title: Storage account network rules allow all networks by default
# description: >-
#   default_action = "Allow" accepts connections from any network; the
#   IP and virtual network rules then restrict nothing.
# scope: package
# custom:
#   id: TG-AZURE-0005
#   peer_ids:
#     trivy: [AVD-AZU-0012]
#     checkov: [CKV_AZURE_35]
#     kics: [a5613650-32ec-4975-a305-31af783153ea]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set network_rules.default_action = "Deny" and list the allowed ip_rules / virtual_network_subnet_ids.'
#   references: [https://learn.microsoft.com/en-us/azure/storage/common/storage-network-security]
#   cwe: [CWE-284]
package tollgate.iac.azure.storage_network_default_allow

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_storage_account")
	nr := cloud.first(r.values, "network_rules")
	lower(cloud.get(nr, "default_action")) == "allow"
	res := cloud.res(sprintf("Storage account %s allows all networks", [r.address]), r, nr, "default_action")
}

deny contains res if {
	some r in cloud.tf("azurerm_storage_account_network_rules")
	lower(cloud.get(r.values, "default_action")) == "allow"
	res := cloud.res(sprintf("%s allows all networks", [r.address]), r, r.values, "default_action")
}
