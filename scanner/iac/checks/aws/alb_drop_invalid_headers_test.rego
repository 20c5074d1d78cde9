package tollgate.iac.aws.alb_drop_invalid_headers_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.alb_drop_invalid_headers as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_lb", {"name": "a"})
	count(c.deny) == 0 with input as t.tf("aws_lb", {"drop_invalid_header_fields": true})
	count(c.deny) == 0 with input as t.tf("aws_lb", {"load_balancer_type": "network"})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::ElasticLoadBalancingV2::LoadBalancer", {"Type": "application"})
	count(c.deny) == 0 with input as t.cfn("AWS::ElasticLoadBalancingV2::LoadBalancer", {"LoadBalancerAttributes": [{"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "true"}]})
	count(c.deny) == 0 with input as t.cfn("AWS::ElasticLoadBalancingV2::LoadBalancer", {"Type": "network"})
}
