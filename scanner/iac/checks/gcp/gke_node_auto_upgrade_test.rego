package tollgate.iac.gcp.gke_node_auto_upgrade_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.gke_node_auto_upgrade as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_container_node_pool", {"management": [{"auto_upgrade": false}]})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_container_cluster", {"node_pool": [{"management": [{"auto_upgrade": false}]}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_container_node_pool", {"management": [{"auto_upgrade": true}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_container_node_pool", {"name": "p"})
}
