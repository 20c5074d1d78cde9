package tollgate.iac.azure.nsg_flow_log_retention_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.nsg_flow_log_retention as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_network_watcher_flow_log", {"enabled": true, "retention_policy": [{"enabled": true, "days": 7}]})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_network_watcher_flow_log", {"enabled": false})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_network_watcher_flow_log", {"enabled": true, "retention_policy": [{"enabled": true, "days": 90}]})
}
