package tollgate.iac.gcp.iam_public_member_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.iam_public_member as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_project_iam_member", {"role": "roles/viewer", "member": "allUsers"})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.doc([object.union(t.res("google_iam_policy", "p", {"binding": [{"role": "roles/pubsub.subscriber", "members": ["allAuthenticatedUsers"]}]}), {"mode": "data", "address": "data.google_iam_policy.p"}), t.res("google_pubsub_subscription_iam_policy", "s", {"policy_data": t.ref("data.google_iam_policy.p")})])
}

test_bad_3 if {
	count(c.deny) > 0 with input as t.tf("google_pubsub_topic_iam_binding", {"role": "roles/pubsub.publisher", "members": ["allAuthenticatedUsers"]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_cloud_run_service_iam_member", {"role": "roles/run.invoker", "member": "allUsers"})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_pubsub_topic_iam_member", {"role": "roles/pubsub.publisher", "member": "serviceAccount:a@p.iam.gserviceaccount.com"})
}
