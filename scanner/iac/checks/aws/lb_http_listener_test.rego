package tollgate.iac.aws.lb_http_listener_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.lb_http_listener as c

redirect := [{"type": "redirect", "redirect": [{"port": "443", "protocol": "HTTPS", "status_code": "HTTP_301"}]}]

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_lb_listener", {"port": 80, "protocol": "HTTP", "default_action": [{"type": "forward", "target_group_arn": t.unknown}]})
	count(c.deny) == 0 with input as t.tf("aws_lb_listener", {"port": 80, "protocol": "HTTP", "default_action": redirect})
	count(c.deny) == 0 with input as t.tf("aws_lb_listener", {"port": 443, "protocol": "HTTPS", "default_action": [{"type": "forward"}]})
	count(c.deny) == 0 with input as t.tf("aws_lb_listener", {"port": 80, "protocol": "HTTP", "default_action": t.unknown})
	count(c.deny) == 1 with input as t.tf("aws_elb", {"listener": [{"lb_port": 80, "lb_protocol": "http", "instance_port": 8080, "instance_protocol": "http"}]})
	count(c.deny) == 0 with input as t.tf("aws_elb", {"listener": [{"lb_port": 443, "lb_protocol": "https", "instance_port": 8080, "instance_protocol": "http"}]})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::ElasticLoadBalancingV2::Listener", {"Protocol": "HTTP", "Port": 80, "DefaultActions": [{"Type": "forward", "TargetGroupArn": {"Ref": "TG"}}]})
	count(c.deny) == 0 with input as t.cfn("AWS::ElasticLoadBalancingV2::Listener", {"Protocol": "HTTP", "Port": 80, "DefaultActions": [{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}]})
	count(c.deny) == 1 with input as t.cfn("AWS::ElasticLoadBalancing::LoadBalancer", {"Listeners": [{"LoadBalancerPort": "80", "InstancePort": "80", "Protocol": "HTTP"}]})
}
