# METADATA
# title: Storage account allows public blob access
# description: >-
#   allow_nested_items_to_be_public (allow_blob_public_access on older
#   providers) = true lets containers be made publicly readable without
#   authentication.
# scope: package
# custom:
#   id: TG-AZURE-0001
#   peer_ids:
#     checkov: [CKV_AZURE_59]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set allow_nested_items_to_be_public = false on azurerm_storage_account.'
#   references: [https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-prevent]
#   cwe: [CWE-284]
package tollgate.iac.azure.storage_public_blob_access

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_storage_account")
	some key in ["allow_nested_items_to_be_public", "allow_blob_public_access"]
	cloud.on(cloud.get(r.values, key))
	res := cloud.res(sprintf("Storage account %s allows public blob access", [r.address]), r, r.values, key)
}
