# METADATA
# title: Storage container is publicly readable
# description: >-
#   container_access_type "blob" or "container" lets anyone on the
#   internet read the blobs (and, for "container", list them).
# scope: package
# custom:
#   id: TG-AZURE-0002
#   peer_ids:
#     trivy: [AVD-AZU-0007]
#     checkov: [CKV_AZURE_34]
#     kics: [dd5230f8-a577-4bbb-b7ac-f2c2fe7d5299]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set container_access_type = "private" (the default).'
#   references: [https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-configure]
#   cwe: [CWE-284]
package tollgate.iac.azure.storage_container_public

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_storage_container")
	v := cloud.get(r.values, "container_access_type")
	v in {"blob", "container"}
	res := cloud.res(sprintf("Storage container %s allows anonymous %s access", [r.address, v]), r, r.values, "container_access_type")
}
