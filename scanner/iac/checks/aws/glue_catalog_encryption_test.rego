package tollgate.iac.aws.glue_catalog_encryption_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.glue_catalog_encryption as c

test_tf_bad_1 if {
	count(c.deny) > 0 with input as t.tf("aws_glue_data_catalog_encryption_settings", {"data_catalog_encryption_settings": [{"encryption_at_rest": [{"catalog_encryption_mode": "DISABLED"}]}]})
}

test_tf_good_1 if {
	count(c.deny) == 0 with input as t.tf("aws_glue_data_catalog_encryption_settings", {"data_catalog_encryption_settings": [{"encryption_at_rest": [{"catalog_encryption_mode": "SSE-KMS"}], "connection_password_encryption": [{"return_connection_password_encrypted": true}]}]})
}

test_cfn_bad_1 if {
	count(c.deny) > 0 with input as t.cfn("AWS::Glue::DataCatalogEncryptionSettings", {"DataCatalogEncryptionSettings": {"EncryptionAtRest": {"CatalogEncryptionMode": "DISABLED"}}})
}

test_cfn_good_1 if {
	count(c.deny) == 0 with input as t.cfn("AWS::Glue::DataCatalogEncryptionSettings", {"DataCatalogEncryptionSettings": {"EncryptionAtRest": {"CatalogEncryptionMode": "SSE-KMS"}}})
}

test_tf_unknown_no_finding if {
	count(c.deny) == 0 with input as t.tf("aws_glue_data_catalog_encryption_settings", {"data_catalog_encryption_settings": [{"encryption_at_rest": [{"catalog_encryption_mode": {"__unknown": true}}]}]})
}

test_cfn_unresolved_ref_no_finding if {
	count(c.deny) == 0 with input as t.cfn("AWS::Glue::DataCatalogEncryptionSettings", {"DataCatalogEncryptionSettings": {"EncryptionAtRest": {"CatalogEncryptionMode": {"Ref": "SomeParameter"}}}})
}
