package tollgate.iac.azure.storage_min_tls_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.storage_min_tls as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_storage_account", {"min_tls_version": "TLS1_0"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_storage_account", {"min_tls_version": "TLS1_2"})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("azurerm_storage_account", {"name": "sa"})
}
