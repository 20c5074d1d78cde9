# METADATA
# title: DMS replication instance is publicly accessible
# description: >-
#   A publicly accessible DMS replication instance has a public IP address and
#   can be reached from the internet.
# scope: package
# custom:
#   id: TG-AWS-0075
#   peer_ids:
#     checkov: [CKV_AWS_89]
#     kics: [5864fb39-d719-4182-80e2-89dbe627be63, 030d3b18-1821-45b4-9e08-50efbe7becbb]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set publicly_accessible = false (PubliclyAccessible: false).'
#   references: [https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.PublicPrivate.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.dms_public

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_dms_replication_instance"]
	v := aws.dig(aws.props(r), ["publicly_accessible"])
	aws.is_true(v)
	res := aws.res_path(sprintf("DMS replication instance %s is publicly accessible", [aws.rid(r)]), r, ["publicly_accessible"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::DMS::ReplicationInstance"]
	v := aws.dig(aws.props(r), ["PubliclyAccessible"])
	aws.is_true(v)
	res := aws.res_path(sprintf("DMS replication instance %s is publicly accessible", [aws.rid(r)]), r, ["PubliclyAccessible"])
}
