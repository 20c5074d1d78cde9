package tollgate.iac.gcp.storage_uniform_access_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.storage_uniform_access as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_storage_bucket", {"name": "b", "location": "EU"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_storage_bucket", {"name": "b", "uniform_bucket_level_access": false})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_storage_bucket", {"name": "b", "uniform_bucket_level_access": true})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_storage_bucket", {"name": "b", "uniform_bucket_level_access": t.unknown})
}
