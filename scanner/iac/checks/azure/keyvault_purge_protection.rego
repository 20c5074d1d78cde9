# METADATA
# title: Key Vault has no purge protection
# description: >-
#   Without purge protection a deleted vault or secret can be purged
#   immediately, so an attacker or mistake can destroy keys permanently.
# scope: package
# custom:
#   id: TG-AZURE-0014
#   peer_ids:
#     trivy: [AVD-AZU-0016]
#     checkov: [CKV_AZURE_110, CKV_AZURE_42]
#     kics: [cec6e005-9309-46eb-b34b-456f6eae818b]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set purge_protection_enabled = true on azurerm_key_vault.'
#   references: [https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview#purge-protection]
#   cwe: [CWE-693]
package tollgate.iac.azure.keyvault_purge_protection

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_key_vault")
	v := cloud.get(r.values, "purge_protection_enabled")
	not cloud.unknown(v)
	not cloud.on(v)
	res := cloud.res(sprintf("Key Vault %s has no purge protection", [r.address]), r, r.values, "purge_protection_enabled")
}
