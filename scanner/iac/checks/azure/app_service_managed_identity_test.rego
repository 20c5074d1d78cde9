package tollgate.iac.azure.app_service_managed_identity_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.app_service_managed_identity as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_linux_web_app", {"name": "app"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_linux_web_app", {"identity": [{"type": "SystemAssigned"}]})
}
