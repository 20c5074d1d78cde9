package tollgate.iac.azure.storage_public_blob_access_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.storage_public_blob_access as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_storage_account", {"name": "sa", "allow_nested_items_to_be_public": true})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_storage_account", {"name": "sa", "allow_blob_public_access": true})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_storage_account", {"name": "sa", "allow_nested_items_to_be_public": false})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_storage_account", {"name": "sa", "allow_nested_items_to_be_public": t.unknown})
}
