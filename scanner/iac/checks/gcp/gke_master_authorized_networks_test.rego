package tollgate.iac.gcp.gke_master_authorized_networks_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.gke_master_authorized_networks as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_container_cluster", {"name": "c"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_container_cluster", {"name": "c", "master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "0.0.0.0/0"}]}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_container_cluster", {"name": "c", "master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "10.0.0.0/8"}]}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_container_cluster", {"name": "c", "master_authorized_networks_config": t.unknown})
}

test_good_3 if {
	count(c.deny) == 0 with input as t.tf("google_container_cluster", {"name": "c", "private_cluster_config": [{"enable_private_endpoint": t.unknown}]})
}
