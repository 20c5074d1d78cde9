package tollgate.iac.gcp.sql_require_ssl_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.sql_require_ssl as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_sql_database_instance", {"settings": [{"tier": "db-f1-micro"}]})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_sql_database_instance", {"settings": [{"ip_configuration": [{"require_ssl": false}]}]})
}

test_bad_3 if {
	count(c.deny) > 0 with input as t.tf("google_sql_database_instance", {"settings": [{"ip_configuration": [{"ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED"}]}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_sql_database_instance", {"settings": [{"ip_configuration": [{"require_ssl": true}]}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_sql_database_instance", {"settings": [{"ip_configuration": [{"ssl_mode": "ENCRYPTED_ONLY"}]}]})
}

test_good_3 if {
	count(c.deny) == 0 with input as t.tf("google_sql_database_instance", {"settings": [{"ip_configuration": [{"ssl_mode": t.unknown}]}]})
}
