package tollgate.iac.azure.app_service_remote_debugging_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.app_service_remote_debugging as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_linux_web_app", {"site_config": [{"remote_debugging_enabled": true}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_linux_web_app", {"site_config": [{"remote_debugging_enabled": false}]})
}
