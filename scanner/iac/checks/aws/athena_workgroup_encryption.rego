# METADATA
# title: Athena workgroup does not encrypt query results
# description: >-
#   Query results written to S3 by the workgroup are not encrypted by
#   workgroup configuration.
# scope: package
# custom:
#   id: TG-AWS-0068
#   peer_ids:
#     trivy: [AVD-AWS-0006]
#     kics: [d364984a-a222-4b5f-a8b0-e23ab19ebff3]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Add configuration.result_configuration.encryption_configuration (SSE_KMS or SSE_S3), and enforce the workgroup configuration.
#   references: [https://docs.aws.amazon.com/athena/latest/ug/encrypting-query-results-stored-in-s3.html]
#   cwe: [CWE-311]
package tollgate.iac.aws.athena_workgroup_encryption

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_athena_workgroup"]
	v := aws.dig(aws.props(r), ["configuration", "result_configuration", "encryption_configuration"])
	aws.unset(v)
	res := aws.res_path(sprintf("Athena workgroup %s does not encrypt query results", [aws.rid(r)]), r, ["configuration", "result_configuration", "encryption_configuration"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Athena::WorkGroup"]
	v := aws.dig(aws.props(r), ["WorkGroupConfiguration", "ResultConfiguration", "EncryptionConfiguration"])
	aws.unset(v)
	res := aws.res_path(sprintf("Athena workgroup %s does not encrypt query results", [aws.rid(r)]), r, ["WorkGroupConfiguration", "ResultConfiguration", "EncryptionConfiguration"])
}
