package tollgate.iac.gcp.dns_dnssec_disabled_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.dns_dnssec_disabled as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_dns_managed_zone", {"dns_name": "example.com."})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_dns_managed_zone", {"dns_name": "example.com.", "dnssec_config": [{"state": "off"}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_dns_managed_zone", {"dns_name": "example.com.", "dnssec_config": [{"state": "on"}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_dns_managed_zone", {"dns_name": "internal.", "visibility": "private"})
}
