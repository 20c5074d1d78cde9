package tollgate.iac.azure.sql_server_auditing_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.sql_server_auditing as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_mssql_server", {"name": "s", "version": "12.0"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.doc([t.res("azurerm_mssql_server", "a", {}), t.res("azurerm_mssql_server", "b", {}), t.res("azurerm_mssql_server_extended_auditing_policy", "p", {"server_id": t.ref("azurerm_mssql_server.a")})])
}

test_good_1 if {
	count(c.deny) == 0 with input as t.doc([t.res("azurerm_mssql_server", "a", {}), t.res("azurerm_mssql_server_extended_auditing_policy", "p", {"server_id": t.ref("azurerm_mssql_server.a")})])
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_sql_server", {"extended_auditing_policy": [{"retention_in_days": 90}]})
}

test_good_3 if {
	count(c.deny) == 0 with input as t.doc([t.res("azurerm_mssql_server", "a", {}), t.res("azurerm_mssql_server_extended_auditing_policy", "p", {"server_id": t.unknown})])
}
