package tollgate.iac.azure.nsg_open_ingress_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.nsg_open_ingress as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_network_security_rule", {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "*"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_network_security_rule", {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "Internet", "destination_port_range": "8080"})
}

test_bad_3 if {
	count(c.deny) > 0 with input as t.tf("azurerm_network_security_rule", {"direction": "Inbound", "access": "Allow", "protocol": "Udp", "source_address_prefix": "0.0.0.0/0", "destination_port_range": "1000-2000"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_network_security_rule", {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "443"})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_network_security_rule", {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "10.0.0.0/8", "destination_port_range": "*"})
}

test_good_3 if {
	count(c.deny) == 0 with input as t.tf("azurerm_network_security_rule", {"direction": "Inbound", "access": "Allow", "protocol": "Icmp", "source_address_prefix": "*", "destination_port_range": "*"})
}

test_good_4 if {
	count(c.deny) == 0 with input as t.tf("azurerm_network_security_rule", {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "22"})
}
