package tollgate.iac.azure.acr_admin_enabled_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.acr_admin_enabled as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_container_registry", {"admin_enabled": true})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_container_registry", {"admin_enabled": false})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_container_registry", {"sku": "Premium"})
}
