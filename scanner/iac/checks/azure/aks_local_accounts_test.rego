package tollgate.iac.azure.aks_local_accounts_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.aks_local_accounts as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_kubernetes_cluster", {"name": "k"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_kubernetes_cluster", {"local_account_disabled": true})
}
