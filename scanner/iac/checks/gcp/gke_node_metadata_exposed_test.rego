package tollgate.iac.gcp.gke_node_metadata_exposed_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.gke_node_metadata_exposed as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_container_node_pool", {"node_config": [{"workload_metadata_config": [{"mode": "GCE_METADATA"}]}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_container_node_pool", {"node_config": [{"workload_metadata_config": [{"mode": "GKE_METADATA"}]}]})
}
