package tollgate.iac.gcp.instance_project_ssh_keys_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.instance_project_ssh_keys as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_compute_instance", {"name": "vm"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_compute_instance", {"metadata": {"block-project-ssh-keys": "false"}})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_compute_instance", {"metadata": {"block-project-ssh-keys": "true"}})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_compute_instance", {"metadata": {"enable-oslogin": "TRUE"}})
}
