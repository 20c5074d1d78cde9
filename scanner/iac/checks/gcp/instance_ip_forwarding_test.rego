package tollgate.iac.gcp.instance_ip_forwarding_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.instance_ip_forwarding as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_compute_instance", {"can_ip_forward": true})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_compute_instance", {"can_ip_forward": false})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_compute_instance", {"name": "vm"})
}
