package tollgate.iac.gcp.instance_os_login_disabled_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.instance_os_login_disabled as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_compute_instance", {"metadata": {"enable-oslogin": "FALSE"}})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_compute_project_metadata", {"metadata": {"enable-oslogin": "false"}})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_compute_instance", {"metadata": {"enable-oslogin": "TRUE"}})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_compute_instance", {"name": "vm"})
}
