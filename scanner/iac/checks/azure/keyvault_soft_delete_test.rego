package tollgate.iac.azure.keyvault_soft_delete_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.keyvault_soft_delete as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_key_vault", {"soft_delete_enabled": false})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_key_vault", {"soft_delete_retention_days": 7})
}
