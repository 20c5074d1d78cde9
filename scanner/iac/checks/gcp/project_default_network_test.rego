package tollgate.iac.gcp.project_default_network_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.project_default_network as c

test_default_network if {
	count(c.deny) == 1 with input as t.tf("google_project", {"name": "p", "project_id": "p"})
	count(c.deny) == 1 with input as t.tf("google_project", {"name": "p", "auto_create_network": true})
}

test_no_default_network if {
	count(c.deny) == 0 with input as t.tf("google_project", {"name": "p", "auto_create_network": false})
	count(c.deny) == 0 with input as t.tf("google_project", {"name": "p", "auto_create_network": t.unknown})
}
