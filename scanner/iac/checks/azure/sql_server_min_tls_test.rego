package tollgate.iac.azure.sql_server_min_tls_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.sql_server_min_tls as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_mssql_server", {"minimum_tls_version": "1.0"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_mssql_server", {"minimum_tls_version": "Disabled"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_mssql_server", {"minimum_tls_version": "1.2"})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_mssql_server", {"name": "s"})
}
