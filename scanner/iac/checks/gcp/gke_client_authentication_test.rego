package tollgate.iac.gcp.gke_client_authentication_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.gke_client_authentication as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_container_cluster", {"master_auth": [{"client_certificate_config": [{"issue_client_certificate": true}]}]})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_container_cluster", {"master_auth": [{"username": "admin", "password": "not-a-real-password-123"}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_container_cluster", {"master_auth": [{"client_certificate_config": [{"issue_client_certificate": false}]}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_container_cluster", {"name": "c"})
}
