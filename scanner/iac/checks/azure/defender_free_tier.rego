# METADATA
# title: Microsoft Defender for Cloud plan is on the Free tier
# description: >-
#   The Free tier of a Defender plan gives no threat detection for that
#   resource type.
# scope: package
# custom:
#   id: TG-AZURE-0036
#   peer_ids:
#     trivy: [AVD-AZU-0045]
#     checkov: [CKV_AZURE_19]
#     kics: [819d50fd-1cdf-45c3-9936-be408aaad93e]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Set tier = "Standard" on azurerm_security_center_subscription_pricing.'
#   references: [https://learn.microsoft.com/en-us/azure/defender-for-cloud/enable-enhanced-security]
#   cwe: [CWE-778]
package tollgate.iac.azure.defender_free_tier

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some r in cloud.tf("azurerm_security_center_subscription_pricing")
	cloud.get(r.values, "tier") == "Free"
	res := cloud.res(sprintf("Defender plan %s is on the Free tier", [r.address]), r, r.values, "tier")
}
