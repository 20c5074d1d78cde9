package tollgate.iac.gcp.instance_public_ip_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.instance_public_ip as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_compute_instance", {"network_interface": [{"network": "default", "access_config": [{}]}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_compute_instance", {"network_interface": [{"network": "default"}]})
}
