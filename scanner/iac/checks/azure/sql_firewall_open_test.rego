package tollgate.iac.azure.sql_firewall_open_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.sql_firewall_open as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_mssql_firewall_rule", {"start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_postgresql_flexible_server_firewall_rule", {"start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_mssql_firewall_rule", {"start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.0"})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_mssql_firewall_rule", {"start_ip_address": "203.0.113.0", "end_ip_address": "203.0.113.255"})
}
