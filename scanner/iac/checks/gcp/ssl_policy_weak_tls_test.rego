package tollgate.iac.gcp.ssl_policy_weak_tls_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.ssl_policy_weak_tls as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_compute_ssl_policy", {"profile": "MODERN"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_compute_ssl_policy", {"min_tls_version": "TLS_1_1"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_compute_ssl_policy", {"min_tls_version": "TLS_1_2"})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_compute_ssl_policy", {"min_tls_version": t.unknown})
}
