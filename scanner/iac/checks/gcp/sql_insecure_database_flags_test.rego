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

test_bad_sqlserver_version if {
	count(c.deny) == 1 with input as t.tf("google_sql_database_instance", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"database_flags": [{"name": "external scripts enabled", "value": "on"}]}]})
}

test_bad_version_unknown if {
	count(c.deny) == 1 with input as t.tf("google_sql_database_instance", {"database_version": t.unknown, "settings": [{"database_flags": [{"name": "local_infile", "value": "on"}]}]})
}

# A SQL Server flag on a MySQL instance (and a MySQL flag on PostgreSQL) is
# not the engine's flag: Cloud SQL rejects it, it turns nothing on.
test_good_sqlserver_flag_on_mysql if {
	count(c.deny) == 0 with input as t.tf("google_sql_database_instance", {"database_version": "MYSQL_8_0", "settings": [{"database_flags": [{"name": "cross db ownership chaining", "value": "on"}, {"name": "contained database authentication", "value": "on"}]}]})
}

test_good_mysql_flag_on_postgres if {
	count(c.deny) == 0 with input as t.tf("google_sql_database_instance", {"database_version": "POSTGRES_15", "settings": [{"database_flags": [{"name": "local_infile", "value": "on"}]}]})
}
