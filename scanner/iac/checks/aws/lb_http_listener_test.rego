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

# A redirect counts only when it goes to HTTPS: protocol HTTP, and an unset
# protocol or #{protocol} (both keep the request's HTTP), do not.
test_tf_redirect_not_https if {
	count(c.deny) == 1 with input as t.tf("aws_lb_listener", {"port": 80, "protocol": "HTTP", "default_action": [{"type": "redirect", "redirect": [{"port": "80", "protocol": "HTTP", "status_code": "HTTP_301"}]}]})
	count(c.deny) == 1 with input as t.tf("aws_lb_listener", {"port": 80, "protocol": "HTTP", "default_action": [{"type": "redirect", "redirect": [{"port": "8080", "protocol": "#{protocol}", "status_code": "HTTP_301"}]}]})
	count(c.deny) == 1 with input as t.tf("aws_lb_listener", {"port": 80, "protocol": "HTTP", "default_action": [{"type": "redirect", "redirect": [{"host": "example.com", "status_code": "HTTP_302"}]}]})
	count(c.deny) == 0 with input as t.tf("aws_lb_listener", {"port": 80, "protocol": "HTTP", "default_action": [{"type": "redirect", "redirect": [{"port": "443", "protocol": "https", "status_code": "HTTP_301"}]}]})
}

alb := t.tfrn("aws_lb", "app", {"name": "app", "load_balancer_type": "application"})

nlb := t.tfrn("aws_lb", "net", {"name": "net", "load_balancer_type": "network"})

listener(lb, redirect_protocol) := t.tfrn("aws_lb_listener", "l", {
	"port": 80,
	"load_balancer_arn": t.ref(lb),
	"default_action": [{"type": "redirect", "redirect": [{"port": "80", "protocol": redirect_protocol, "status_code": "HTTP_301"}]}],
})

# An unset listener protocol is HTTP on an application load balancer.
test_tf_protocol_unset if {
	count(c.deny) == 1 with input as t.tfdoc([alb, listener("aws_lb.app", "HTTP")])
	count(c.deny) == 0 with input as t.tfdoc([alb, listener("aws_lb.app", "HTTPS")])
	count(c.deny) == 0 with input as t.tfdoc([nlb, listener("aws_lb.net", "HTTP")])
	count(c.deny) == 0 with input as t.tfdoc([listener("var.lb_arn", "HTTP")])
}

test_cfn_redirect_not_https if {
	count(c.deny) == 1 with input as t.cfn("AWS::ElasticLoadBalancingV2::Listener", {"Protocol": "HTTP", "Port": 80, "DefaultActions": [{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTP", "Port": "80", "StatusCode": "HTTP_301"}}]})
	count(c.deny) == 1 with input as t.cfn("AWS::ElasticLoadBalancingV2::Listener", {"Protocol": "HTTP", "Port": 80, "DefaultActions": [{"Type": "redirect", "RedirectConfig": {"Protocol": "#{protocol}", "StatusCode": "HTTP_301"}}]})
}

test_cfn_protocol_unset if {
	count(c.deny) == 1 with input as t.cfndoc({
		"LB": t.cfnr("AWS::ElasticLoadBalancingV2::LoadBalancer", {"Subnets": ["s1", "s2"]}),
		"Listener": t.cfnr("AWS::ElasticLoadBalancingV2::Listener", {"LoadBalancerArn": {"Ref": "LB"}, "Port": 80, "DefaultActions": [{"Type": "forward", "TargetGroupArn": {"Ref": "TG"}}]}),
	})
	count(c.deny) == 0 with input as t.cfndoc({
		"LB": t.cfnr("AWS::ElasticLoadBalancingV2::LoadBalancer", {"Type": "gateway"}),
		"Listener": t.cfnr("AWS::ElasticLoadBalancingV2::Listener", {"LoadBalancerArn": {"Ref": "LB"}, "DefaultActions": [{"Type": "forward", "TargetGroupArn": {"Ref": "TG"}}]}),
	})
}
