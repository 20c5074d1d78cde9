package tollgate.iac.azure.monitor_log_profile_retention_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.monitor_log_profile_retention as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_monitor_log_profile", {"retention_policy": [{"enabled": true, "days": 30}]})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_monitor_log_profile", {"retention_policy": [{"enabled": false}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_monitor_log_profile", {"retention_policy": [{"enabled": true, "days": 365}]})
}
