# METADATA
# title: Key Vault secret or key has no expiration date
# description: >-
#   A secret or key without expiration_date never forces rotation, so a
#   leaked value stays valid indefinitely.
# scope: package
# custom:
#   id: TG-AZURE-0017
#   peer_ids:
#     trivy: [AVD-AZU-0017, AVD-AZU-0014]
#     checkov: [CKV_AZURE_41, CKV_AZURE_40]
#     kics: [dfa20ffa-f476-428f-a490-424b41e91c7f, 4d080822-5ee2-49a4-8984-68f3d4c890fc]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set expiration_date (RFC 3339) on azurerm_key_vault_secret / azurerm_key_vault_key and rotate before it.'
#   references: [https://learn.microsoft.com/en-us/azure/key-vault/secrets/secrets-best-practices]
#   cwe: [CWE-324]
package tollgate.iac.azure.keyvault_item_expiry

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some type in ["azurerm_key_vault_secret", "azurerm_key_vault_key"]
	some r in cloud.tf(type)
	cloud.unset(cloud.get(r.values, "expiration_date"))
	res := iac.result(sprintf("%s has no expiration date", [r.address]), r)
}
