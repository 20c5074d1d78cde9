package tollgate.iac.azure.database_ssl_enforcement_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.database_ssl_enforcement as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_postgresql_server", {"ssl_enforcement_enabled": false})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_mysql_flexible_server_configuration", {"name": "require_secure_transport", "value": "OFF"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_postgresql_server", {"ssl_enforcement_enabled": true})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_mysql_flexible_server_configuration", {"name": "require_secure_transport", "value": "ON"})
}
