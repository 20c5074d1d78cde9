package tollgate.iac.gcp.sql_public_ip_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.sql_public_ip as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_sql_database_instance", {"database_version": "POSTGRES_15", "settings": [{"tier": "db-f1-micro"}]})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_sql_database_instance", {"settings": [{"ip_configuration": [{"ipv4_enabled": true}]}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_sql_database_instance", {"settings": [{"ip_configuration": [{"ipv4_enabled": false, "private_network": t.ref("google_compute_network.vpc")}]}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_sql_database_instance", {"settings": [{"ip_configuration": [{"ipv4_enabled": t.unknown}]}]})
}

test_good_3 if {
	count(c.deny) == 0 with input as t.tf("google_sql_database_instance", {"settings": [{"ip_configuration": t.unknown}]})
}
