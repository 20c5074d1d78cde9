package tollgate.iac.gcp.sql_insecure_database_flags_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.sql_insecure_database_flags as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_sql_database_instance", {"database_version": "MYSQL_8_0", "settings": [{"database_flags": [{"name": "local_infile", "value": "on"}]}]})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_sql_database_instance", {"settings": [{"database_flags": [{"name": "cross db ownership chaining", "value": "on"}]}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_sql_database_instance", {"settings": [{"database_flags": [{"name": "local_infile", "value": "off"}]}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_sql_database_instance", {"settings": [{"database_flags": [{"name": "local_infile", "value": t.unknown}]}]})
}
