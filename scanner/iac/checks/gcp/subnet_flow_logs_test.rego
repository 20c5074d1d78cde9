package tollgate.iac.gcp.subnet_flow_logs_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.subnet_flow_logs as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_compute_subnetwork", {"ip_cidr_range": "10.0.0.0/24"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_compute_subnetwork", {"ip_cidr_range": "10.0.0.0/24", "log_config": [{"aggregation_interval": "INTERVAL_10_MIN"}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_compute_subnetwork", {"ip_cidr_range": "10.1.0.0/24", "purpose": "REGIONAL_MANAGED_PROXY"})
}
