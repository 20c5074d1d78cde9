package tollgate.iac.azure.app_service_https_only_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.app_service_https_only as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_linux_web_app", {"name": "app"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_app_service", {"https_only": false})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_linux_web_app", {"https_only": true})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_windows_function_app", {"https_only": t.unknown})
}
