# METADATA
# title: Redshift cluster is publicly accessible
# description: >-
#   A publicly accessible Redshift cluster (or serverless workgroup) gets a
#   public endpoint reachable from the internet.
# scope: package
# custom:
#   id: TG-AWS-0052
#   peer_ids:
#     checkov: [CKV_AWS_87]
#     kics: [bdf8dcb4-75df-4370-92c4-606e4ae6c4d3, af173fde-95ea-4584-b904-bb3923ac4bda]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set publicly_accessible = false (PubliclyAccessible: false) and connect through the VPC.'
#   references: [https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.redshift_public

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_redshift_cluster"]
	v := aws.dig(aws.props(r), ["publicly_accessible"])
	aws.is_true(v)
	res := aws.res_path(sprintf("Redshift %s is publicly accessible", [aws.rid(r)]), r, ["publicly_accessible"])
}

deny contains res if {
	some r in aws.tf_index["aws_redshiftserverless_workgroup"]
	v := aws.dig(aws.props(r), ["publicly_accessible"])
	aws.is_true(v)
	res := aws.res_path(sprintf("Redshift %s is publicly accessible", [aws.rid(r)]), r, ["publicly_accessible"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::Redshift::Cluster"]
	v := aws.dig(aws.props(r), ["PubliclyAccessible"])
	aws.is_true(v)
	res := aws.res_path(sprintf("Redshift %s is publicly accessible", [aws.rid(r)]), r, ["PubliclyAccessible"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::RedshiftServerless::Workgroup"]
	v := aws.dig(aws.props(r), ["PubliclyAccessible"])
	aws.is_true(v)
	res := aws.res_path(sprintf("Redshift %s is publicly accessible", [aws.rid(r)]), r, ["PubliclyAccessible"])
}
