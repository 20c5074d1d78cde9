package tollgate.iac.aws.lb_access_logs_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.lb_access_logs as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_lb", {"name": "a"})
	count(c.deny) == 1 with input as t.tf("aws_lb", {"access_logs": [{"bucket": "logs"}]})
	count(c.deny) == 0 with input as t.tf("aws_lb", {"access_logs": [{"bucket": "logs", "enabled": true}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::ElasticLoadBalancingV2::LoadBalancer", {})
	count(c.deny) == 0 with input as t.cfn("AWS::ElasticLoadBalancingV2::LoadBalancer", {"LoadBalancerAttributes": [{"Key": "access_logs.s3.enabled", "Value": "true"}]})
}
