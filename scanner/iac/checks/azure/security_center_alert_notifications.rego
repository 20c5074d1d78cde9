# METADATA
# title: Security contact does not receive alert notifications
# description: >-
#   With alert_notifications = false nobody is emailed about high-
#   severity Defender for Cloud alerts.
# scope: package
# custom:
#   id: TG-AZURE-0039
#   peer_ids:
#     trivy: [AVD-AZU-0044]
#     checkov: [CKV_AZURE_21]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set alert_notifications = true (and alerts_to_admins = true) on azurerm_security_center_contact.'
#   references: [https://learn.microsoft.com/en-us/azure/defender-for-cloud/configure-email-notifications]
#   cwe: [CWE-778]
package tollgate.iac.azure.security_center_alert_notifications

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_security_center_contact")
	cloud.off(cloud.get(r.values, "alert_notifications"))
	res := cloud.res(sprintf("Security contact %s does not receive alerts", [r.address]), r, r.values, "alert_notifications")
}
