package tollgate.iac.aws.kms_rotation_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.kms_rotation as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_kms_key", {"description": "k"})
}

test_tf_bad_2 if {
	count(c.deny) > 0 with input as t.tf("aws_kms_key", {"customer_master_key_spec": "SYMMETRIC_DEFAULT", "enable_key_rotation": false})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_kms_key", {"enable_key_rotation": true})
}

test_tf_good_2 if {
	count(c.deny) == 0 with input as t.tf("aws_kms_key", {"customer_master_key_spec": "RSA_2048", "key_usage": "SIGN_VERIFY"})
}

test_tf_good_3 if {
	count(c.deny) == 0 with input as t.tf("aws_kms_key", {"customer_master_key_spec": "ECC_NIST_P256", "key_usage": "SIGN_VERIFY"})
}

test_tf_good_4 if {
	count(c.deny) == 0 with input as t.tf("aws_kms_key", {"customer_master_key_spec": "HMAC_256", "key_usage": "GENERATE_VERIFY_MAC"})
}

test_tf_good_5 if {
	count(c.deny) == 0 with input as t.tf("aws_kms_key", {"customer_master_key_spec": {"__unknown": true}})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::KMS::Key", {"KeyPolicy": {}})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::KMS::Key", {"EnableKeyRotation": true})
}

test_cfn_good_2 if {
	count(c.deny) == 0 with input as t.cfn("AWS::KMS::Key", {"KeySpec": "RSA_4096", "KeyUsage": "ENCRYPT_DECRYPT"})
}

test_cfn_good_3 if {
	count(c.deny) == 0 with input as t.cfn("AWS::KMS::Key", {"KeySpec": "ECC_SECG_P256K1", "KeyUsage": "SIGN_VERIFY"})
}

test_cfn_good_4 if {
	count(c.deny) == 0 with input as t.cfn("AWS::KMS::Key", {"Origin": "EXTERNAL"})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_kms_key", {"description": "k", "enable_key_rotation": {"__unknown": true}})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::KMS::Key", {"KeyPolicy": {}, "EnableKeyRotation": {"Ref": "SomeParameter"}})
}
