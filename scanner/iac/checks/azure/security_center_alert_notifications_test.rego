package tollgate.iac.azure.security_center_alert_notifications_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.security_center_alert_notifications as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_security_center_contact", {"email": "sec@example.com", "alert_notifications": false})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_security_center_contact", {"email": "sec@example.com", "alert_notifications": true})
}
