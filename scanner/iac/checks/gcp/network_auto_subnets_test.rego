package tollgate.iac.gcp.network_auto_subnets_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.network_auto_subnets as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_compute_network", {"name": "n"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_compute_network", {"auto_create_subnetworks": true})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_compute_network", {"auto_create_subnetworks": false})
}
