package tollgate.iac.azure.aks_azure_policy_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.aks_azure_policy as c

test_disabled if {
	count(c.deny) == 1 with input as t.tf("azurerm_kubernetes_cluster", {"name": "k"})
	count(c.deny) == 1 with input as t.tf("azurerm_kubernetes_cluster", {"name": "k", "azure_policy_enabled": false})
}

test_enabled if {
	count(c.deny) == 0 with input as t.tf("azurerm_kubernetes_cluster", {"name": "k", "azure_policy_enabled": true})
	count(c.deny) == 0 with input as t.tf("azurerm_kubernetes_cluster", {"name": "k", "azure_policy_enabled": t.unknown})
	count(c.deny) == 0 with input as t.tf("azurerm_kubernetes_cluster", {"name": "k", "addon_profile": [{"azure_policy": [{"enabled": true}]}]})
}
