package tollgate.iac.gcp.firewall_open_admin_ports_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.firewall_open_admin_ports as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_compute_firewall", {"network": "default", "source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["22"]}]})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_compute_firewall", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["3000-4000"]}]})
}

test_bad_3 if {
	count(c.deny) > 0 with input as t.tf("google_compute_firewall", {"direction": "INGRESS", "source_ranges": ["::/0"], "allow": [{"protocol": "all"}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_compute_firewall", {"source_ranges": ["35.235.240.0/20"], "allow": [{"protocol": "tcp", "ports": ["22"]}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_compute_firewall", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["443"]}]})
}

test_good_3 if {
	count(c.deny) == 0 with input as t.tf("google_compute_firewall", {"direction": "EGRESS", "destination_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["22"]}]})
}

test_good_4 if {
	count(c.deny) == 0 with input as t.tf("google_compute_firewall", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": t.unknown}]})
}

test_good_5 if {
	count(c.deny) == 0 with input as t.tf("google_compute_firewall", {"source_ranges": [t.unknown], "allow": [{"protocol": "tcp", "ports": ["22"]}]})
}

# Several public sources make one finding, not an eval_conflict_error.
test_bad_several_sources if {
	count(c.deny) == 1 with input as t.tf("google_compute_firewall", {"source_ranges": ["0.0.0.0/0", "::/0"], "allow": [{"protocol": "tcp", "ports": ["22"]}]})
}
