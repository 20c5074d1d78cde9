package tollgate.iac.gcp.gke_node_image_not_cos_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.gke_node_image_not_cos as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_container_node_pool", {"node_config": [{"image_type": "UBUNTU_CONTAINERD"}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_container_node_pool", {"node_config": [{"image_type": "COS_CONTAINERD"}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_container_node_pool", {"node_config": [{}]})
}
