# METADATA
# title: SQS or SNS policy allows all actions
# description: >-
#   A queue or topic policy statement allows "*" or "sqs:*" / "sns:*": the
#   principals it names can also delete the queue or topic, change its policy
#   and read every message.
# scope: package
# custom:
#   id: TG-AWS-0130
#   peer_ids:
#     trivy: [AVD-AWS-0097]
#     kics: [816ea8cf-d589-442d-a917-2dd0ce0e45e3]
#   severity: MEDIUM
#   frameworks: [terraform, terraform-plan, cloudformation]
#   remediation: Allow only the actions the principal needs (for example sqs:SendMessage or sns:Publish).
#   references: [https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html]
#   cwe: [CWE-732]
package tollgate.iac.aws.queue_policy_all_actions

import data.lib.aws

tf_sources := {"aws_sqs_queue": "policy", "aws_sqs_queue_policy": "policy", "aws_sns_topic": "policy", "aws_sns_topic_policy": "policy"}

cfn_sources := {"AWS::SQS::QueuePolicy": "PolicyDocument", "AWS::SNS::TopicPolicy": "PolicyDocument"}

all_actions(a) if a in {"*", "sqs:*", "sns:*", "SQS:*", "SNS:*"}

deny contains res if {
	some t, key in tf_sources
	some r in aws.tf(t)
	some st in aws.statements(aws.get(r.values, key))
	aws.allow(st)
	some a in st.actions
	all_actions(a)
	res := aws.stmt_res(sprintf("%s policy allows %q", [r.address, a]), r, key, st)
}

deny contains res if {
	some t, key in cfn_sources
	some r in aws.cfn(t)
	some st in aws.statements(aws.get(r.Properties, key))
	aws.allow(st)
	some a in st.actions
	all_actions(a)
	res := aws.stmt_res(sprintf("%s policy allows %q", [r.logical_id, a]), r, key, st)
}
