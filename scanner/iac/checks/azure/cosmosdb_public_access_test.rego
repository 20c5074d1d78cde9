package tollgate.iac.azure.cosmosdb_public_access_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.cosmosdb_public_access as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_cosmosdb_account", {"offer_type": "Standard"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_cosmosdb_account", {"public_network_access_enabled": false})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_cosmosdb_account", {"ip_range_filter": ["203.0.113.4"]})
}

test_good_3 if {
	count(c.deny) == 0 with input as t.tf("azurerm_cosmosdb_account", {"is_virtual_network_filter_enabled": true})
}
