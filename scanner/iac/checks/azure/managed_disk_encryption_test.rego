package tollgate.iac.azure.managed_disk_encryption_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.managed_disk_encryption as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_managed_disk", {"encryption_settings": [{"enabled": false}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_managed_disk", {"disk_size_gb": 10})
}
