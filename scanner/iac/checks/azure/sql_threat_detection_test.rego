package tollgate.iac.azure.sql_threat_detection_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.sql_threat_detection as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_mssql_server_security_alert_policy", {"state": "Disabled"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_mssql_server_security_alert_policy", {"state": "Enabled", "disabled_alerts": ["Sql_Injection"]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_mssql_server_security_alert_policy", {"state": "Enabled"})
}
