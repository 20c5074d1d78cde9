package tollgate.iac.azure.aks_api_server_public_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.aks_api_server_public as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_kubernetes_cluster", {"name": "k"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_kubernetes_cluster", {"api_server_access_profile": [{"authorized_ip_ranges": ["0.0.0.0/0"]}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_kubernetes_cluster", {"private_cluster_enabled": true})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_kubernetes_cluster", {"api_server_access_profile": [{"authorized_ip_ranges": ["203.0.113.0/24"]}]})
}

test_good_3 if {
	count(c.deny) == 0 with input as t.tf("azurerm_kubernetes_cluster", {"api_server_authorized_ip_ranges": ["203.0.113.0/24"]})
}
