package tollgate.iac.gcp.iam_service_account_user_project_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.iam_service_account_user_project as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_project_iam_member", {"role": "roles/iam.serviceAccountUser", "member": "user:a@example.com"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_service_account_iam_member", {"role": "roles/iam.serviceAccountUser", "member": "user:a@example.com"})
}
