package tollgate.iac.gcp.gke_legacy_metadata_endpoints_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.gke_legacy_metadata_endpoints as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_container_cluster", {"node_config": [{"metadata": {"disable-legacy-endpoints": "false"}}]})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_container_node_pool", {"node_config": [{"metadata": {"disable-legacy-endpoints": false}}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_container_node_pool", {"node_config": [{"metadata": {"disable-legacy-endpoints": "true"}}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_container_node_pool", {"node_config": [{"machine_type": "e2-medium"}]})
}
