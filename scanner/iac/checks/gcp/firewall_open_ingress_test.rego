package tollgate.iac.gcp.firewall_open_ingress_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.firewall_open_ingress as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_compute_firewall", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["5432"]}]})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_compute_firewall", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp"}]})
}

test_bad_3 if {
	count(c.deny) > 0 with input as t.tf("google_compute_firewall", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "udp", "ports": ["1000-2000"]}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_compute_firewall", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["80", "443"]}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_compute_firewall", {"source_ranges": ["10.0.0.0/8"], "allow": [{"protocol": "tcp", "ports": ["5432"]}]})
}

test_good_3 if {
	count(c.deny) == 0 with input as t.tf("google_compute_firewall", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "icmp"}]})
}

test_good_4 if {
	count(c.deny) == 0 with input as t.tf("google_compute_firewall", {"source_ranges": ["0.0.0.0/0"], "disabled": true, "allow": [{"protocol": "tcp"}]})
}

test_good_5 if {
	count(c.deny) == 0 with input as t.tf("google_compute_firewall", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["22"]}]})
}

# Several public sources and several open ports make one finding, not an
# eval_conflict_error that ends the scan.
test_bad_several_sources_and_ports if {
	count(c.deny) == 1 with input as t.tf("google_compute_firewall", {"source_ranges": ["0.0.0.0/0", "::/0"], "allow": [{"protocol": "tcp", "ports": ["8080", "3306"]}]})
}
