package tollgate.iac.azure.keyvault_purge_protection_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.keyvault_purge_protection as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_key_vault", {"name": "kv"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_key_vault", {"purge_protection_enabled": false})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_key_vault", {"purge_protection_enabled": true})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_key_vault", {"purge_protection_enabled": t.unknown})
}
