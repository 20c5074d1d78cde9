package tollgate.iac.aws.queue_policy_all_actions_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.queue_policy_all_actions as c

test_tf if {
	p := {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sqs:*", "Resource": "*"}]}
	count(c.deny) == 1 with input as t.tf("aws_sqs_queue_policy", {"policy": json.marshal(p)})
	ok := {"Statement": [{"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage", "Resource": "*"}]}
	count(c.deny) == 0 with input as t.tf("aws_sqs_queue_policy", {"policy": json.marshal(ok)})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::SNS::TopicPolicy", {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sns:*", "Resource": "*"}]}})
	count(c.deny) == 0 with input as t.cfn("AWS::SNS::TopicPolicy", {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sns:Publish", "Resource": "*"}]}})
}
