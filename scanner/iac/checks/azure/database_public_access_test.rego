package tollgate.iac.azure.database_public_access_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.database_public_access as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_postgresql_server", {"name": "pg"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_postgresql_flexible_server", {"public_network_access_enabled": true})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_postgresql_server", {"public_network_access_enabled": false})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_postgresql_flexible_server", {"delegated_subnet_id": t.ref("azurerm_subnet.db")})
}
