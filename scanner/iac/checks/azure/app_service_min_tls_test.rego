package tollgate.iac.azure.app_service_min_tls_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.app_service_min_tls as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_app_service", {"site_config": [{"min_tls_version": "1.0"}]})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_linux_web_app", {"site_config": [{"minimum_tls_version": "1.1"}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_linux_web_app", {"site_config": [{"minimum_tls_version": "1.2"}]})
}
