package tollgate.iac.gcp.instance_default_service_account_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.instance_default_service_account as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_compute_instance", {"service_account": [{"email": "1234-compute@developer.gserviceaccount.com", "scopes": ["logging-write"]}]})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_compute_instance", {"service_account": [{"scopes": ["storage-ro"]}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_compute_instance", {"service_account": [{"email": "app@p.iam.gserviceaccount.com", "scopes": ["storage-ro"]}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_compute_instance", {"name": "vm"})
}
