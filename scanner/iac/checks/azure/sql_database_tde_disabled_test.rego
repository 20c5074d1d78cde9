package tollgate.iac.azure.sql_database_tde_disabled_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.sql_database_tde_disabled as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_mssql_database", {"transparent_data_encryption_enabled": false})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_mssql_database", {"name": "db"})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_mssql_database", {"transparent_data_encryption_enabled": true})
}
