package tollgate.iac.azure.keyvault_network_acls_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.keyvault_network_acls as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_key_vault", {"name": "kv"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_key_vault", {"network_acls": [{"default_action": "Allow", "bypass": "AzureServices"}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_key_vault", {"network_acls": [{"default_action": "Deny", "bypass": "AzureServices"}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_key_vault", {"public_network_access_enabled": false})
}
