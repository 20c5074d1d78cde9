package tollgate.iac.gcp.gke_private_nodes_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.gke_private_nodes as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_container_cluster", {"name": "c"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_container_cluster", {"name": "c", "private_cluster_config": [{"enable_private_nodes": false}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_container_cluster", {"name": "c", "private_cluster_config": [{"enable_private_nodes": true, "master_ipv4_cidr_block": "172.16.0.0/28"}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_container_cluster", {"name": "c", "private_cluster_config": [{"enable_private_nodes": t.unknown}]})
}
