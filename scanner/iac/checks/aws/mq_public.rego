# METADATA
# title: Amazon MQ broker is publicly accessible
# description: >-
#   A publicly accessible broker exposes its message endpoints and web console
#   to the internet.
# scope: package
# custom:
#   id: TG-AWS-0076
#   peer_ids:
#     trivy: [AVD-AWS-0072]
#     checkov: [CKV_AWS_69]
#     kics: [68b6a789-82f8-4cfd-85de-e95332fe6a61, 4eb5f791-c861-4afd-9f94-f2a6a3fe49cb]
#   severity: HIGH
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Set publicly_accessible = false (PubliclyAccessible: false) and use private subnets.'
#   references: [https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/using-amazon-mq-securely.html]
#   cwe: [CWE-284]
package tollgate.iac.aws.mq_public

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_mq_broker"]
	v := aws.dig(aws.props(r), ["publicly_accessible"])
	aws.is_true(v)
	res := aws.res_path(sprintf("MQ broker %s is publicly accessible", [aws.rid(r)]), r, ["publicly_accessible"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::AmazonMQ::Broker"]
	v := aws.dig(aws.props(r), ["PubliclyAccessible"])
	aws.is_true(v)
	res := aws.res_path(sprintf("MQ broker %s is publicly accessible", [aws.rid(r)]), r, ["PubliclyAccessible"])
}
