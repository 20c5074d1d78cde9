package tollgate.iac.azure.database_min_tls_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.database_min_tls as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_mysql_server", {"ssl_minimal_tls_version_enforced": "TLS1_0"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_postgresql_server", {"ssl_minimal_tls_version_enforced": "TLSEnforcementDisabled"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_mysql_server", {"ssl_minimal_tls_version_enforced": "TLS1_2"})
}
