package tollgate.iac.azure.acr_anonymous_pull_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.acr_anonymous_pull as c

test_anonymous if {
	count(c.deny) == 1 with input as t.tf("azurerm_container_registry", {"name": "r", "anonymous_pull_enabled": true})
}

test_not_anonymous if {
	count(c.deny) == 0 with input as t.tf("azurerm_container_registry", {"name": "r"})
	count(c.deny) == 0 with input as t.tf("azurerm_container_registry", {"name": "r", "anonymous_pull_enabled": false})
}
