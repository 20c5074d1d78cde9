# METADATA
# title: Activity log profile keeps logs for less than a year
# description: >-
#   A log profile with retention disabled or shorter than 365 days loses
#   the activity log needed for investigations.
# scope: package
# custom:
#   id: TG-AZURE-0034
#   peer_ids:
#     trivy: [AVD-AZU-0031]
#     checkov: [CKV_AZURE_37]
#     kics: [2b856bf9-8e8c-4005-875f-303a8cba3918]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set retention_policy { enabled = true, days = 365 } (or 0 with enabled = true to keep forever).'
#   references: [https://learn.microsoft.com/en-us/azure/azure-monitor/essentials/activity-log]
#   cwe: [CWE-778]
package tollgate.iac.azure.monitor_log_profile_retention

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_monitor_log_profile")
	rp := cloud.first(r.values, "retention_policy")
	cloud.off(cloud.get(rp, "enabled"))
	res := cloud.res(sprintf("Log profile %s disables retention", [r.address]), r, rp, "enabled")
}

deny contains res if {
	some r in cloud.tf("azurerm_monitor_log_profile")
	rp := cloud.first(r.values, "retention_policy")
	cloud.on(cloud.get(rp, "enabled"))
	d := cloud.num(cloud.get(rp, "days"))
	d > 0
	d < 365
	res := cloud.res(sprintf("Log profile %s keeps logs for %d days", [r.address, d]), r, rp, "days")
}
