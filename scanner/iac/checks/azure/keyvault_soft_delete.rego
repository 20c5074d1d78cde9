# METADATA
# title: Key Vault soft delete is disabled
# description: >-
#   soft_delete_enabled = false (older providers) makes deleted keys,
#   secrets and certificates unrecoverable.
# scope: package
# custom:
#   id: TG-AZURE-0015
#   peer_ids:
#     checkov: [CKV_AZURE_42]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Remove soft_delete_enabled = false; keep soft_delete_retention_days at 7-90.'
#   references: [https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview]
#   cwe: [CWE-693]
package tollgate.iac.azure.keyvault_soft_delete

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_key_vault")
	cloud.off(cloud.get(r.values, "soft_delete_enabled"))
	res := cloud.res(sprintf("Key Vault %s disables soft delete", [r.address]), r, r.values, "soft_delete_enabled")
}
