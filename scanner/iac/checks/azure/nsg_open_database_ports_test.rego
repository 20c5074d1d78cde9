package tollgate.iac.azure.nsg_open_database_ports_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.nsg_open_database_ports as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_network_security_rule", {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "1433"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_network_security_rule", {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "Internet", "destination_port_range": "5432"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_network_security_rule", {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "10.1.0.0/16", "destination_port_range": "1433"})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_network_security_rule", {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "443"})
}
