# METADATA
# title: Linux VM allows password authentication
# description: >-
#   disable_password_authentication = false lets SSH accept passwords,
#   which can be brute-forced; keys are required by default.
# scope: package
# custom:
#   id: TG-AZURE-0032
#   peer_ids:
#     trivy: [AVD-AZU-0039]
#     checkov: [CKV_AZURE_149, CKV_AZURE_1]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, arm]
#   remediation: 'Remove disable_password_authentication = false and configure admin_ssh_key.'
#   references: [https://learn.microsoft.com/en-us/azure/virtual-machines/linux/create-ssh-keys-detailed]
#   cwe: [CWE-287]
package tollgate.iac.azure.vm_password_authentication

import data.lib.cloud
import data.lib.iac

deny contains res if {
	some type in ["azurerm_linux_virtual_machine", "azurerm_linux_virtual_machine_scale_set"]
	some r in cloud.tf(type)
	cloud.off(cloud.get(r.values, "disable_password_authentication"))
	res := cloud.res(sprintf("Linux VM %s allows password authentication", [r.address]), r, r.values, "disable_password_authentication")
}

deny contains res if {
	some type in ["azurerm_virtual_machine", "azurerm_virtual_machine_scale_set"]
	some r in cloud.tf(type)
	lc := cloud.first(r.values, "os_profile_linux_config")
	cloud.off(cloud.get(lc, "disable_password_authentication"))
	res := cloud.res(sprintf("Linux VM %s allows password authentication", [r.address]), r, lc, "disable_password_authentication")
}
