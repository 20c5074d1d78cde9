package tollgate.iac.azure.aks_network_policy_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.aks_network_policy as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_kubernetes_cluster", {"name": "k"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_kubernetes_cluster", {"network_profile": [{"network_plugin": "kubenet"}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_kubernetes_cluster", {"network_profile": [{"network_plugin": "azure", "network_policy": "azure"}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_kubernetes_cluster", {"network_profile": t.unknown})
}
