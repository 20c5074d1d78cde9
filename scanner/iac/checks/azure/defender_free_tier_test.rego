package tollgate.iac.azure.defender_free_tier_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.defender_free_tier as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_security_center_subscription_pricing", {"tier": "Free", "resource_type": "VirtualMachines"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_security_center_subscription_pricing", {"tier": "Standard"})
}
