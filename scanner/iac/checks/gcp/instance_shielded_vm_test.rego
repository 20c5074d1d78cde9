package tollgate.iac.gcp.instance_shielded_vm_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.instance_shielded_vm as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_compute_instance", {"shielded_instance_config": [{"enable_vtpm": false}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_compute_instance", {"shielded_instance_config": [{"enable_secure_boot": true}]})
}
