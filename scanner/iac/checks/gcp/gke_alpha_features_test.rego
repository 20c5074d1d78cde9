package tollgate.iac.gcp.gke_alpha_features_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.gke_alpha_features as c

test_alpha_on if {
	count(c.deny) == 1 with input as t.tf("google_container_cluster", {"name": "c", "enable_kubernetes_alpha": true})
}

test_alpha_off_or_absent if {
	count(c.deny) == 0 with input as t.tf("google_container_cluster", {"name": "c", "enable_kubernetes_alpha": false})
	count(c.deny) == 0 with input as t.tf("google_container_cluster", {"name": "c"})
	count(c.deny) == 0 with input as t.tf("google_container_cluster", {"name": "c", "enable_kubernetes_alpha": t.unknown})
}
