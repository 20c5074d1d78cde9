package tollgate.iac.azure.storage_https_only_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.storage_https_only as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_storage_account", {"enable_https_traffic_only": false})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_storage_account", {"https_traffic_only_enabled": false})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_storage_account", {"name": "sa"})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_storage_account", {"https_traffic_only_enabled": true})
}
