package tollgate.iac.kubernetes.rbac_nodes_proxy_test

import data.tollgate.iac.kubernetes.rbac_nodes_proxy as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "r", "namespace": "prod"}, "rules": [{"apiGroups": [""], "resources": ["nodes/proxy"], "verbs": ["get"]}]}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "r", "namespace": "prod"}, "rules": [{"apiGroups": [""], "resources": ["nodes", "nodes/metrics"], "verbs": ["get"]}]}
	count(res) == 0
}
