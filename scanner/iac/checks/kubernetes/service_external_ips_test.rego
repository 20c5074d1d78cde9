package tollgate.iac.kubernetes.service_external_ips_test

import data.tollgate.iac.kubernetes.service_external_ips as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s", "namespace": "prod"}, "spec": {"type": "ClusterIP", "externalIPs": ["203.0.113.10"]}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s", "namespace": "prod"}, "spec": {"type": "ClusterIP"}}
	count(res) == 0
}
