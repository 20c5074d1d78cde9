# METADATA
# title: AKS API server is reachable from any network
# description: >-
#   A cluster that is neither private nor restricted to authorized IP
#   ranges exposes its Kubernetes API to the whole internet.
# scope: package
# custom:
#   id: TG-AZURE-0020
#   peer_ids:
#     trivy: [AVD-AZU-0041]
#     checkov: [CKV_AZURE_6]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set private_cluster_enabled = true, or api_server_access_profile.authorized_ip_ranges to trusted ranges only.'
#   references: [https://learn.microsoft.com/en-us/azure/aks/api-server-authorized-ip-ranges, https://learn.microsoft.com/en-us/azure/aks/private-clusters]
#   cwe: [CWE-284]
package tollgate.iac.azure.aks_api_server_public

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_kubernetes_cluster")
	pc := cloud.get(r.values, "private_cluster_enabled")
	not cloud.unknown(pc)
	not cloud.on(pc)
	not cloud.unknown(cloud.get(r.values, "api_server_authorized_ip_ranges"))
	not cloud.path_unknown(r.values, ["api_server_access_profile", "authorized_ip_ranges"])
	count(_ranges(r)) == 0
	res := cloud.res(sprintf("AKS cluster %s API server is public with no authorized IP ranges", [r.address]), r, r.values, "private_cluster_enabled")
}

deny contains res if {
	some r in cloud.tf("azurerm_kubernetes_cluster")
	some c in _ranges(r)
	cloud.public_source(c)
	res := cloud.res(sprintf("AKS cluster %s authorizes %s to reach the API server", [r.address, c]), r, r.values, "api_server_access_profile")
}

_ranges(r) := array.concat(cloud.as_list(cloud.get(r.values, "api_server_authorized_ip_ranges")), cloud.as_list(cloud.dig(r.values, ["api_server_access_profile", "authorized_ip_ranges"])))
