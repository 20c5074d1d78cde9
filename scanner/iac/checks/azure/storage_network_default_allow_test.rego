package tollgate.iac.azure.storage_network_default_allow_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.storage_network_default_allow as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_storage_account", {"network_rules": [{"default_action": "Allow"}]})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_storage_account_network_rules", {"default_action": "Allow"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_storage_account", {"network_rules": [{"default_action": "Deny", "ip_rules": ["203.0.113.4"]}]})
}
