# METADATA
# title: SQL threat detection is disabled or incomplete
# description: >-
#   A security alert policy that is Disabled, or that disables some
#   alert types, leaves SQL injection, brute force and anomalous access
#   undetected.
# scope: package
# custom:
#   id: TG-AZURE-0040
#   peer_ids:
#     trivy: [AVD-AZU-0028]
#     checkov: [CKV_AZURE_25]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set state = "Enabled" and leave disabled_alerts empty on azurerm_mssql_server_security_alert_policy.'
#   references: [https://learn.microsoft.com/en-us/azure/azure-sql/database/threat-detection-overview]
#   cwe: [CWE-778]
package tollgate.iac.azure.sql_threat_detection

import data.lib.cloud
import data.lib.iac

types := ["azurerm_mssql_server_security_alert_policy", "azurerm_sql_server_security_alert_policy"]

deny contains res if {
	some type in types
	some r in cloud.tf(type)
	cloud.get(r.values, "state") == "Disabled"
	res := cloud.res(sprintf("SQL security alert policy %s is disabled", [r.address]), r, r.values, "state")
}

deny contains res if {
	some type in types
	some r in cloud.tf(type)
	some a in cloud.as_list(cloud.get(r.values, "disabled_alerts"))
	is_string(a)
	res := cloud.res(sprintf("SQL security alert policy %s disables the %s alert", [r.address, a]), r, r.values, "disabled_alerts")
}
