package tollgate.iac.gcp.bigquery_public_dataset_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.bigquery_public_dataset as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_bigquery_dataset", {"dataset_id": "d", "access": [{"role": "READER", "special_group": "allAuthenticatedUsers"}]})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_bigquery_dataset_iam_member", {"role": "roles/bigquery.dataViewer", "member": "allUsers"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_bigquery_dataset", {"dataset_id": "d", "access": [{"role": "OWNER", "special_group": "projectOwners"}]})
}
