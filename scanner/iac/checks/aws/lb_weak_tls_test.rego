package tollgate.iac.aws.lb_weak_tls_test

import data.lib.aws_test as t
import data.tollgate.iac.aws.lb_weak_tls as c

test_tf if {
	count(c.deny) == 1 with input as t.tf("aws_lb_listener", {"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-2016-08"})
	count(c.deny) == 1 with input as t.tf("aws_lb_listener", {"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS-1-1-2017-01"})
	count(c.deny) == 1 with input as t.tf("aws_lb_listener", {"protocol": "HTTPS"})
	count(c.deny) == 0 with input as t.tf("aws_lb_listener", {"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06"})
	count(c.deny) == 0 with input as t.tf("aws_lb_listener", {"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-FS-1-2-Res-2020-10"})
	count(c.deny) == 0 with input as t.tf("aws_lb_listener", {"protocol": "HTTPS", "ssl_policy": t.unknown})
	count(c.deny) == 0 with input as t.tf("aws_lb_listener", {"protocol": "HTTP"})
}

test_cfn if {
	count(c.deny) == 1 with input as t.cfn("AWS::ElasticLoadBalancingV2::Listener", {"Protocol": "HTTPS", "SslPolicy": "ELBSecurityPolicy-TLS-1-0-2015-04"})
	count(c.deny) == 0 with input as t.cfn("AWS::ElasticLoadBalancingV2::Listener", {"Protocol": "HTTPS", "SslPolicy": "ELBSecurityPolicy-TLS-1-2-Ext-2018-06"})
}
