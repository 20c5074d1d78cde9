package tollgate.iac.azure.storage_container_public_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.storage_container_public as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_storage_container", {"name": "c", "container_access_type": "blob"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_storage_container", {"name": "c", "container_access_type": "container"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_storage_container", {"name": "c", "container_access_type": "private"})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_storage_container", {"name": "c"})
}
