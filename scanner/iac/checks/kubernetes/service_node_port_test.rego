package tollgate.iac.kubernetes.service_node_port_test

import data.tollgate.iac.kubernetes.service_node_port as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s", "namespace": "prod"}, "spec": {"type": "NodePort"}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s", "namespace": "prod"}, "spec": {"type": "ClusterIP"}}
	count(res) == 0
}
