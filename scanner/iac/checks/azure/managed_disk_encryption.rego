# METADATA
# title: Managed disk encryption settings are disabled
# description: >-
#   encryption_settings.enabled = false turns off Azure Disk Encryption
#   for the disk.
# scope: package
# custom:
#   id: TG-AZURE-0033
#   peer_ids:
#     trivy: [AVD-AZU-0038]
#     checkov: [CKV_AZURE_2]
#     kics: [a99130ab-4c0e-43aa-97f8-78d4fcb30024]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Remove encryption_settings.enabled = false, or use a disk_encryption_set_id with a customer managed key.'
#   references: [https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption-overview]
#   cwe: [CWE-311]
package tollgate.iac.azure.managed_disk_encryption

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_managed_disk")
	es := cloud.first(r.values, "encryption_settings")
	cloud.off(cloud.get(es, "enabled"))
	res := cloud.res(sprintf("Managed disk %s disables encryption", [r.address]), r, es, "enabled")
}
