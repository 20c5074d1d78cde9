package tollgate.iac.gcp.iam_primitive_roles_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.iam_primitive_roles as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_project_iam_member", {"project": "p", "role": "roles/owner", "member": "user:alice@example.com"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_project_iam_binding", {"project": "p", "role": "roles/editor", "members": ["group:dev@example.com"]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_project_iam_member", {"project": "p", "role": "roles/viewer", "member": "user:alice@example.com"})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_project_iam_member", {"project": "p", "role": t.unknown, "member": "user:alice@example.com"})
}
