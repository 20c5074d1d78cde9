# METADATA
# title: NSG flow log is disabled or kept for less than 90 days
# description: >-
#   Flow logs that are off or retained for under 90 days leave no
#   network evidence for investigations.
# scope: package
# custom:
#   id: TG-AZURE-0037
#   peer_ids:
#     trivy: [AVD-AZU-0049]
#     checkov: [CKV_AZURE_12]
#     kics: [7750fcca-dd03-4d38-b663-4b70289bcfd4]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set enabled = true and retention_policy { enabled = true, days = 90 } or more.'
#   references: [https://learn.microsoft.com/en-us/azure/network-watcher/nsg-flow-logs-overview]
#   cwe: [CWE-778]
package tollgate.iac.azure.nsg_flow_log_retention

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_network_watcher_flow_log")
	cloud.off(cloud.get(r.values, "enabled"))
	res := cloud.res(sprintf("Flow log %s is disabled", [r.address]), r, r.values, "enabled")
}

deny contains res if {
	some r in cloud.tf("azurerm_network_watcher_flow_log")
	rp := cloud.first(r.values, "retention_policy")
	cloud.off(cloud.get(rp, "enabled"))
	res := cloud.res(sprintf("Flow log %s has retention disabled", [r.address]), r, rp, "enabled")
}

deny contains res if {
	some r in cloud.tf("azurerm_network_watcher_flow_log")
	rp := cloud.first(r.values, "retention_policy")
	cloud.on(cloud.get(rp, "enabled"))
	d := cloud.num(cloud.get(rp, "days"))
	d > 0
	d < 90
	res := cloud.res(sprintf("Flow log %s keeps logs for %d days", [r.address, d]), r, rp, "days")
}
