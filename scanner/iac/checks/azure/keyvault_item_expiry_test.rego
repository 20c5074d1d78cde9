package tollgate.iac.azure.keyvault_item_expiry_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.keyvault_item_expiry as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_key_vault_secret", {"name": "s", "value": t.unknown})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_key_vault_secret", {"name": "s", "expiration_date": "2027-01-01T00:00:00Z"})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_key_vault_key", {"name": "k", "expiration_date": t.unknown})
}
