# METADATA
# title: Storage account allows TLS older than 1.2
# description: >-
#   min_tls_version TLS1_0 or TLS1_1 lets clients negotiate deprecated
#   protocol versions.
# scope: package
# custom:
#   id: TG-AZURE-0004
#   peer_ids:
#     trivy: [AVD-AZU-0011]
#     checkov: [CKV_AZURE_44]
#     kics: [8263f146-5e03-43e0-9cfe-db960d56d1e7]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set min_tls_version = "TLS1_2".'
#   references: [https://learn.microsoft.com/en-us/azure/storage/common/transport-layer-security-configure-minimum-version]
#   cwe: [CWE-326]
package tollgate.iac.azure.storage_min_tls

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_storage_account")
	cloud.tls_below_12(cloud.get(r.values, "min_tls_version"))
	res := cloud.res(sprintf("Storage account %s allows %s", [r.address, r.values.min_tls_version]), r, r.values, "min_tls_version")
}
