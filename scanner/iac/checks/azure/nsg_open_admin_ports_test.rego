package tollgate.iac.azure.nsg_open_admin_ports_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.nsg_open_admin_ports as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_network_security_rule", {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "22"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_network_security_rule", {"direction": "Inbound", "access": "Allow", "protocol": "*", "source_address_prefix": "Internet", "destination_port_range": "3389"})
}

test_bad_3 if {
	count(c.deny) > 0 with input as t.tf("azurerm_network_security_rule", {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "0.0.0.0/0", "destination_port_range": "*"})
}

test_bad_4 if {
	count(c.deny) > 0 with input as t.tf("azurerm_network_security_group", {"security_rule": [{"name": "rdp", "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "Any", "destination_port_ranges": ["3000-4000"]}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_network_security_rule", {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "10.0.0.0/8", "destination_port_range": "22"})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_network_security_rule", {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "443"})
}

test_good_3 if {
	count(c.deny) == 0 with input as t.tf("azurerm_network_security_rule", {"direction": "Inbound", "access": "Allow", "protocol": "Udp", "source_address_prefix": "*", "destination_port_range": "22"})
}

test_good_4 if {
	count(c.deny) == 0 with input as t.tf("azurerm_network_security_rule", {"direction": "Inbound", "access": "Deny", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "22"})
}

test_good_5 if {
	count(c.deny) == 0 with input as t.tf("azurerm_network_security_rule", {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": t.unknown, "destination_port_range": "22"})
}
