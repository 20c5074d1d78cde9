package tollgate.iac.azure.custom_role_wildcard_actions_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.custom_role_wildcard_actions as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_role_definition", {"name": "r", "permissions": [{"actions": ["*"], "not_actions": []}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_role_definition", {"name": "r", "permissions": [{"actions": ["Microsoft.Storage/storageAccounts/read"]}]})
}
