package tollgate.iac.gcp.dns_dnssec_rsasha1_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.dns_dnssec_rsasha1 as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_dns_managed_zone", {"dnssec_config": [{"state": "on", "default_key_specs": [{"algorithm": "rsasha1", "key_type": "keySigning"}]}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_dns_managed_zone", {"dnssec_config": [{"state": "on", "default_key_specs": [{"algorithm": "rsasha256", "key_type": "keySigning"}]}]})
}
