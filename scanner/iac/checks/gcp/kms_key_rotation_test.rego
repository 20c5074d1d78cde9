package tollgate.iac.gcp.kms_key_rotation_test

import data.lib.cloud_test as t
import data.tollgate.iac.gcp.kms_key_rotation as c

test_bad_1 if {
	count(c.deny) > 0 with input as t.tf("google_kms_crypto_key", {"name": "k", "key_ring": t.ref("google_kms_key_ring.r")})
}

test_bad_2 if {
	count(c.deny) > 0 with input as t.tf("google_kms_crypto_key", {"name": "k", "rotation_period": "31536000s"})
}

test_good_1 if {
	count(c.deny) == 0 with input as t.tf("google_kms_crypto_key", {"name": "k", "rotation_period": "7776000s"})
}

test_good_2 if {
	count(c.deny) == 0 with input as t.tf("google_kms_crypto_key", {"name": "k", "purpose": "ASYMMETRIC_SIGN"})
}

test_good_3 if {
	count(c.deny) == 0 with input as t.tf("google_kms_crypto_key", {"name": "k", "purpose": "ASYMMETRIC_DECRYPT"})
}

test_good_4 if {
	count(c.deny) == 0 with input as t.tf("google_kms_crypto_key", {"name": "k", "rotation_period": t.unknown})
}
