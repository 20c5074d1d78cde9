package tollgate.iac.azure.sql_server_public_network_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.sql_server_public_network as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_mssql_server", {"name": "s"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_mssql_server", {"public_network_access_enabled": true})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_mssql_server", {"public_network_access_enabled": false})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_mssql_server", {"public_network_access_enabled": t.unknown})
}
