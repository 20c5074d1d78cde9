# METADATA
# title: RDS database instance is publicly accessible
# description: >-
#   A publicly accessible DB instance gets a public DNS name and address, so
#   the database listener can be reached from the internet (subject only to
#   its security groups).
# scope: package
# custom:
#   id: TG-AWS-0017
#   peer_ids:
#     trivy: [AVD-AWS-0180]
#     checkov: [CKV_AWS_17]
#     kics: [de38e1d5-54cb-4111-a868-6f7722695007, 35113e6f-2c6b-414d-beec-7a9482d3b2d1]
#   severity: CRITICAL
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set publicly_accessible = false (PubliclyAccessible: false) and reach the database through private subnets, a VPN or a bastion.'
#   references: [https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding]
#   cwe: [CWE-284]
package tollgate.iac.aws.rds_public

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_db_instance"]
	v := aws.dig(aws.props(r), ["publicly_accessible"])
	aws.is_true(v)
	res := aws.res_path(sprintf("RDS instance %s is publicly accessible", [aws.rid(r)]), r, ["publicly_accessible"])
}

deny contains res if {
	some r in aws.tf_index["aws_rds_cluster_instance"]
	v := aws.dig(aws.props(r), ["publicly_accessible"])
	aws.is_true(v)
	res := aws.res_path(sprintf("RDS instance %s is publicly accessible", [aws.rid(r)]), r, ["publicly_accessible"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::RDS::DBInstance"]
	v := aws.dig(aws.props(r), ["PubliclyAccessible"])
	aws.is_true(v)
	res := aws.res_path(sprintf("RDS instance %s is publicly accessible", [aws.rid(r)]), r, ["PubliclyAccessible"])
}
