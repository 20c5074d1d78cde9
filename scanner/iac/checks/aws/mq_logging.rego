# METADATA
# title: Amazon MQ broker general logging is disabled
# description: >-
#   Without general (and, for ActiveMQ, audit) logs, broker activity is not
#   recorded in CloudWatch Logs.
# scope: package
# custom:
#   id: TG-AWS-0129
#   peer_ids:
#     trivy: [AVD-AWS-0071]
#     checkov: [CKV_AWS_48]
#     kics: [e519ed6a-8328-4b69-8eb7-8fa549ac3050, 31245f98-a6a9-4182-9fc1-45482b9d030a]
#   severity: LOW
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: 'Add logs { general = true } (and audit = true for ActiveMQ) (Logs: General: true).'
#   references: [https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/security-logging-monitoring.html]
#   cwe: [CWE-778]
package tollgate.iac.aws.mq_logging

import data.lib.aws

deny contains res if {
	some r in aws.tf_index["aws_mq_broker"]
	v := aws.dig(aws.props(r), ["logs", "general"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("MQ broker %s does not enable general logging", [aws.rid(r)]), r, ["logs", "general"])
}

deny contains res if {
	some r in aws.cfn_index["AWS::AmazonMQ::Broker"]
	v := aws.dig(aws.props(r), ["Logs", "General"])
	not aws.unknown(v)
	aws.off(v)
	res := aws.res_path(sprintf("MQ broker %s does not enable general logging", [aws.rid(r)]), r, ["Logs", "General"])
}
