package tollgate.iac.gcp.disk_plaintext_key_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.disk_plaintext_key as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_compute_disk", {"disk_encryption_key": [{"raw_key": "SGVsbG8gZnJvbSBHb29nbGUgQ2xvdWQgUGxhdGZvcm0="}]})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_compute_instance", {"boot_disk": [{"disk_encryption_key_raw": "SGVsbG8gZnJvbSBHb29nbGUgQ2xvdWQgUGxhdGZvcm0="}]})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_compute_disk", {"disk_encryption_key": [{"kms_key_self_link": t.ref("google_kms_crypto_key.k")}]})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_compute_disk", {"disk_encryption_key": [{"raw_key": t.unknown}]})
}
