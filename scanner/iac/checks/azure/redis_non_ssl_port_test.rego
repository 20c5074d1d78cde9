package tollgate.iac.azure.redis_non_ssl_port_test

import data.lib.cloud_test as t
import data.tollgate.iac.azure.redis_non_ssl_port as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("azurerm_redis_cache", {"enable_non_ssl_port": true})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("azurerm_redis_cache", {"minimum_tls_version": "1.0"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("azurerm_redis_cache", {"non_ssl_port_enabled": false, "minimum_tls_version": "1.2"})
}
