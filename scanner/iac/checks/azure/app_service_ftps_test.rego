package tollgate.iac.azure.app_service_ftps_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.app_service_ftps as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_windows_web_app", {"site_config": [{"ftps_state": "AllAllowed"}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_windows_web_app", {"site_config": [{"ftps_state": "FtpsOnly"}]})
}
