# METADATA
# title: Glue Data Catalog is not encrypted
# description: >-
#   The Glue Data Catalog metadata (and connection passwords) are stored
#   without KMS encryption.
# scope: package
# custom:
#   id: TG-AWS-0069
#   peer_ids:
#     checkov: [CKV_AWS_94]
#     kics: [01d50b14-e933-4c99-b314-6d08cd37ad35]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set catalog_encryption_mode = "SSE-KMS" and enable connection password encryption.'
#   references: [https://docs.aws.amazon.com/glue/latest/dg/encrypt-glue-data-catalog.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.glue_catalog_encryption

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_glue_data_catalog_encryption_settings"]
	v := aws.dig(aws.props(r), ["data_catalog_encryption_settings", "encryption_at_rest", "catalog_encryption_mode"])
	v == "DISABLED"
	res := aws.res_path(sprintf("Glue Data Catalog encryption settings %s leave the catalog unencrypted", [aws.rid(r)]), r, ["data_catalog_encryption_settings", "encryption_at_rest", "catalog_encryption_mode"])
}

deny contains res if {
	some r in aws.tf_index["aws_glue_data_catalog_encryption_settings"]
	v := aws.dig(aws.props(r), ["data_catalog_encryption_settings", "connection_password_encryption", "return_connection_password_encrypted"])
	v == false
	res := aws.res_path(sprintf("Glue Data Catalog encryption settings %s leave the catalog unencrypted", [aws.rid(r)]), r, ["data_catalog_encryption_settings", "connection_password_encryption", "return_connection_password_encrypted"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Glue::DataCatalogEncryptionSettings"]
	v := aws.dig(aws.props(r), ["DataCatalogEncryptionSettings", "EncryptionAtRest", "CatalogEncryptionMode"])
	v == "DISABLED"
	res := aws.res_path(sprintf("Glue Data Catalog encryption settings %s leave the catalog unencrypted", [aws.rid(r)]), r, ["DataCatalogEncryptionSettings", "EncryptionAtRest", "CatalogEncryptionMode"])
}
