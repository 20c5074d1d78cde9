package tollgate.iac.azure.vm_password_authentication_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.vm_password_authentication as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_linux_virtual_machine", {"disable_password_authentication": false})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_virtual_machine", {"os_profile_linux_config": [{"disable_password_authentication": false}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_linux_virtual_machine", {"admin_ssh_key": [{"username": "a"}]})
}
