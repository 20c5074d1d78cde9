# METADATA
# title: Storage account accepts plain HTTP
# description: >-
#   With HTTPS-only traffic disabled, data and shared access signatures
#   can travel unencrypted.
# scope: package
# custom:
#   id: TG-AZURE-0003
#   peer_ids:
#     trivy: [AVD-AZU-0008]
#     checkov: [CKV_AZURE_3]
#     kics: [12944ec4-1fa0-47be-8b17-42a034f937c2]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Remove enable_https_traffic_only = false / https_traffic_only_enabled = false (the default is true).'
#   references: [https://learn.microsoft.com/en-us/azure/storage/common/storage-require-secure-transfer]
#   cwe: [CWE-319]
package tollgate.iac.azure.storage_https_only

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_storage_account")
	some key in ["enable_https_traffic_only", "https_traffic_only_enabled"]
	cloud.off(cloud.get(r.values, key))
	res := cloud.res(sprintf("Storage account %s accepts HTTP traffic", [r.address]), r, r.values, key)
}
