package tollgate.iac.gcp.instance_serial_port_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.instance_serial_port as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_compute_instance", {"metadata": {"serial-port-enable": "true"}})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_compute_project_metadata_item", {"key": "serial-port-enable", "value": "TRUE"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_compute_instance", {"metadata": {"serial-port-enable": "false"}})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_compute_instance", {"metadata": {"foo": "true"}})
}
