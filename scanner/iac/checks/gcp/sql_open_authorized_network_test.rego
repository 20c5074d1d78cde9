package tollgate.iac.gcp.sql_open_authorized_network_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.sql_open_authorized_network as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_sql_database_instance", {"settings": [{"ip_configuration": [{"authorized_networks": [{"name": "all", "value": "0.0.0.0/0"}]}]}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_sql_database_instance", {"settings": [{"ip_configuration": [{"authorized_networks": [{"name": "office", "value": "203.0.113.0/24"}]}]}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_sql_database_instance", {"settings": [{"ip_configuration": [{"authorized_networks": [{"name": "x", "value": t.unknown}]}]}]})
}
