package tollgate.iac.azure.app_service_cors_all_origins_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.app_service_cors_all_origins as c

test_all_origins if {
	count(c.deny) == 1 with input as t.tf("azurerm_linux_web_app", {"name": "w", "site_config": [{"cors": [{"allowed_origins": ["*"]}]}]})
	count(c.deny) == 1 with input as t.tf("azurerm_function_app", {"name": "f", "site_config": [{"cors": [{"allowed_origins": ["https://a.example.com", "*"]}]}]})
}

test_listed_origins if {
	count(c.deny) == 0 with input as t.tf("azurerm_linux_web_app", {"name": "w", "site_config": [{"cors": [{"allowed_origins": ["https://a.example.com"]}]}]})
	count(c.deny) == 0 with input as t.tf("azurerm_linux_web_app", {"name": "w", "site_config": [{}]})
}
