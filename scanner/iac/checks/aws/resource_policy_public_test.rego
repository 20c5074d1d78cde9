package tollgate.iac.aws.resource_policy_public_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.resource_policy_public as c

public := {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*"}]}

scoped := {"Statement": [{"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage", "Resource": "*", "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:t"}}}]}

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_sqs_queue_policy", {"policy": json.marshal(public)})
	count(c.deny) == 1 with input as t.tf("aws_ecr_repository_policy", {"policy": public})
	count(c.deny) == 0 with input as t.tf("aws_sqs_queue_policy", {"policy": json.marshal(scoped)})
	count(c.deny) == 0 with input as t.tf("aws_sqs_queue", {"name": "q"})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::SNS::TopicPolicy", {"PolicyDocument": public})
	count(c.deny) == 0 with input as t.cfn("AWS::SNS::TopicPolicy", {"PolicyDocument": scoped})
}
