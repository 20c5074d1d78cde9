package tollgate.iac.gcp.instance_default_sa_full_access_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.instance_default_sa_full_access as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_compute_instance", {"service_account": [{"scopes": ["cloud-platform"]}]})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_compute_instance", {"service_account": [{"email": t.ref("data.google_compute_default_service_account.default"), "scopes": ["cloud-platform"]}]})
}

test_bad_3 if {
	count(c.deny) > 0 with input as t.tf("google_compute_instance_template", {"service_account": [{"email": "1234-compute@developer.gserviceaccount.com", "scopes": ["https://www.googleapis.com/auth/cloud-platform"]}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_compute_instance", {"service_account": [{"email": "app@p.iam.gserviceaccount.com", "scopes": ["cloud-platform"]}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_compute_instance", {"service_account": [{"email": t.ref("google_service_account.app"), "scopes": ["cloud-platform"]}]})
}

test_good_3 if {
	count(c.deny) == 0 with input as t.tf("google_compute_instance", {"service_account": [{"scopes": ["logging-write"]}]})
}

test_good_4 if {
	count(c.deny) == 0 with input as t.tf("google_compute_instance", {"service_account": [{"email": t.unknown, "scopes": ["cloud-platform"]}]})
}
