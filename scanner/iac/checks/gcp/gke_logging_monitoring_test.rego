package tollgate.iac.gcp.gke_logging_monitoring_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.gke_logging_monitoring as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_container_cluster", {"logging_service": "none"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_container_cluster", {"monitoring_service": "none"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_container_cluster", {"logging_service": "logging.googleapis.com/kubernetes"})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_container_cluster", {"name": "c"})
}
