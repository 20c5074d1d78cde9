package tollgate.iac.gcp.iam_service_account_key_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.iam_service_account_key as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_service_account_key", {"service_account_id": t.ref("google_service_account.sa")})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_service_account", {"account_id": "sa"})
}
