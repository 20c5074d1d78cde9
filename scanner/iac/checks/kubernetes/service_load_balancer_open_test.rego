package tollgate.iac.kubernetes.service_load_balancer_open_test

import data.tollgate.iac.kubernetes.service_load_balancer_open as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s", "namespace": "prod"}, "spec": {"type": "LoadBalancer"}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s", "namespace": "prod"}, "spec": {"type": "LoadBalancer", "loadBalancerSourceRanges": ["10.0.0.0/8"]}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s", "namespace": "prod", "annotations": {"networking.gke.io/load-balancer-type": "Internal"}}, "spec": {"type": "LoadBalancer"}}
	count(res) == 0
}
