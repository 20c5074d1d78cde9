# METADATA
# title: RDS instance is not Multi-AZ
# description: >-
#   A single-AZ DB instance goes down with its availability zone and during
#   some maintenance operations.
# scope: package
# custom:
#   id: TG-AWS-0022
#   peer_ids:
#     checkov: [CKV_AWS_157]
#     kics: [2b1d4935-9acf-48a7-8466-10d18bf51a69]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set multi_az = true (MultiAZ: true) for production databases.'
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html]
#   cwe: [CWE-693]
package tollgate.iac.aws.rds_multi_az

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_db_instance"]
	v := aws.dig(aws.props(r), ["multi_az"])
	not aws.unknown(v)
	aws.off(v)
	aws.unset(aws.get(r.values, "replicate_source_db"))
	not startswith(aws.get(r.values, "engine"), "aurora")
	res := aws.res_path(sprintf("RDS instance %s is not Multi-AZ", [aws.rid(r)]), r, ["multi_az"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::RDS::DBInstance"]
	v := aws.dig(aws.props(r), ["MultiAZ"])
	not aws.unknown(v)
	aws.off(v)
	aws.unset(aws.get(r.Properties, "DBClusterIdentifier"))
	aws.unset(aws.get(r.Properties, "SourceDBInstanceIdentifier"))
	res := aws.res_path(sprintf("RDS instance %s is not Multi-AZ", [aws.rid(r)]), r, ["MultiAZ"])
}
