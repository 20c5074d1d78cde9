package tollgate.iac.gcp.storage_public_access_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.storage_public_access as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_storage_bucket_iam_member", {"bucket": "b", "role": "roles/storage.objectViewer", "member": "allUsers"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_storage_bucket_iam_binding", {"bucket": "b", "role": "roles/storage.objectViewer", "members": ["user:a@example.com", "allAuthenticatedUsers"]})
}

test_bad_3 if {
	count(c.deny) > 0 with input as t.tf("google_storage_bucket_acl", {"bucket": "b", "role_entity": ["READER:allUsers"]})
}

test_bad_4 if {
	count(c.deny) > 0 with input as t.tf("google_storage_default_object_access_control", {"bucket": "b", "role": "READER", "entity": "allUsers"})
}

test_bad_5 if {
	count(c.deny) > 0 with input as t.doc([object.union(t.res("google_iam_policy", "p", {"binding": [{"role": "roles/storage.objectViewer", "members": ["allUsers"]}]}), {"mode": "data", "address": "data.google_iam_policy.p"}), t.res("google_storage_bucket_iam_policy", "b", {"bucket": "b", "policy_data": t.ref("data.google_iam_policy.p")})])
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_storage_bucket_iam_member", {"bucket": "b", "role": "roles/storage.objectViewer", "member": "group:team@example.com"})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_storage_bucket_iam_member", {"bucket": "b", "role": "roles/storage.objectViewer", "member": t.unknown})
}

test_good_3 if {
	count(c.deny) == 0 with input as t.tf("google_storage_bucket_acl", {"bucket": "b", "role_entity": ["OWNER:user-a@example.com"]})
}
