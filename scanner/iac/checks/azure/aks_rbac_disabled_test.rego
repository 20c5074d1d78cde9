package tollgate.iac.azure.aks_rbac_disabled_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.aks_rbac_disabled as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_kubernetes_cluster", {"role_based_access_control_enabled": false})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_kubernetes_cluster", {"role_based_access_control": [{"enabled": false}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_kubernetes_cluster", {"name": "k"})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_kubernetes_cluster", {"role_based_access_control_enabled": true})
}
