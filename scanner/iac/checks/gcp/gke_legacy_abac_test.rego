package tollgate.iac.gcp.gke_legacy_abac_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.gke_legacy_abac as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_container_cluster", {"name": "c", "enable_legacy_abac": true})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_container_cluster", {"name": "c"})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_container_cluster", {"name": "c", "enable_legacy_abac": false})
}
