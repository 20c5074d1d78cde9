package tollgate.iac.gcp.sql_backups_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.sql_backups as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_sql_database_instance", {"settings": [{"tier": "db-f1-micro"}]})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_sql_database_instance", {"settings": [{"backup_configuration": [{"enabled": false}]}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_sql_database_instance", {"settings": [{"backup_configuration": [{"enabled": true}]}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_sql_database_instance", {"master_instance_name": t.ref("google_sql_database_instance.main"), "settings": [{"tier": "x"}]})
}

test_good_3 if {
	count(c.deny) == 0 with input as t.tf("google_sql_database_instance", {"settings": [{"backup_configuration": [{"enabled": t.unknown}]}]})
}
