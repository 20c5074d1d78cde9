package tollgate.iac.gcp.gke_node_default_service_account_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.gke_node_default_service_account as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_container_node_pool", {"node_config": [{"machine_type": "e2-medium"}]})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_container_cluster", {"name": "c"})
}

test_bad_3 if {
	count(c.deny) > 0 with input as t.tf("google_container_node_pool", {"node_config": [{"service_account": "123-compute@developer.gserviceaccount.com"}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_container_node_pool", {"node_config": [{"service_account": "gke-nodes@p.iam.gserviceaccount.com"}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_container_node_pool", {"node_config": [{"service_account": t.ref("google_service_account.nodes")}]})
}

test_good_3 if {
	count(c.deny) == 0 with input as t.tf("google_container_cluster", {"name": "c", "remove_default_node_pool": true, "initial_node_count": 1})
}

test_good_4 if {
	count(c.deny) == 0 with input as t.tf("google_container_cluster", {"name": "c", "enable_autopilot": true})
}
