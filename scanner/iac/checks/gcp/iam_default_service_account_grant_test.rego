package tollgate.iac.gcp.iam_default_service_account_grant_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.iam_default_service_account_grant as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_project_iam_member", {"role": "roles/storage.admin", "member": "serviceAccount:123-compute@developer.gserviceaccount.com"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_project_iam_member", {"role": "roles/storage.admin", "member": "serviceAccount:app@p.iam.gserviceaccount.com"})
}
