package tollgate.iac.gcp.gke_network_policy_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.gke_network_policy as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_container_cluster", {"name": "c"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_container_cluster", {"name": "c", "network_policy": [{"enabled": false}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_container_cluster", {"name": "c", "network_policy": [{"enabled": true, "provider": "CALICO"}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_container_cluster", {"name": "c", "datapath_provider": "ADVANCED_DATAPATH"})
}

test_good_3 if {
	count(c.deny) == 0 with input as t.tf("google_container_cluster", {"name": "c", "enable_autopilot": true})
}
