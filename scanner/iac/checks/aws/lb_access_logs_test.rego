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

test_tf_classic_elb if {
	count(c.deny) == 1 with input as t.tf("aws_elb", {"name": "a", "listener": [{"lb_port": 443, "lb_protocol": "https"}]})
	count(c.deny) == 1 with input as t.tf("aws_elb", {"access_logs": [{"bucket": "logs", "enabled": false}]})
	count(c.deny) == 0 with input as t.tf("aws_elb", {"access_logs": [{"bucket": "logs", "interval": 60}]})
	count(c.deny) == 0 with input as t.tf("aws_elb", {"access_logs": [{"bucket": "logs", "enabled": true}]})
	count(c.deny) == 0 with input as t.tf("aws_elb", {"access_logs": t.unknown})
}

test_cfn_classic_elb if {
	count(c.deny) == 1 with input as t.cfn("AWS::ElasticLoadBalancing::LoadBalancer", {"Listeners": []})
	count(c.deny) == 1 with input as t.cfn("AWS::ElasticLoadBalancing::LoadBalancer", {"AccessLoggingPolicy": {"Enabled": false, "S3BucketName": "logs"}})
	count(c.deny) == 0 with input as t.cfn("AWS::ElasticLoadBalancing::LoadBalancer", {"AccessLoggingPolicy": {"Enabled": true, "S3BucketName": "logs", "EmitInterval": 60}})
	count(c.deny) == 0 with input as t.cfn("AWS::ElasticLoadBalancing::LoadBalancer", {"AccessLoggingPolicy": {"Ref": "Policy"}})

	# the policy written as a one-item list, as some templates do
	count(c.deny) == 0 with input as t.cfn("AWS::ElasticLoadBalancing::LoadBalancer", {"AccessLoggingPolicy": [{"Enabled": true, "S3BucketName": "logs"}]})
	count(c.deny) == 1 with input as t.cfn("AWS::ElasticLoadBalancing::LoadBalancer", {"AccessLoggingPolicy": [{"Enabled": false, "S3BucketName": "logs"}]})
}
