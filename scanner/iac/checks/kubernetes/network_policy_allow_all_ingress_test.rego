package tollgate.iac.kubernetes.network_policy_allow_all_ingress_test

import data.tollgate.iac.kubernetes.network_policy_allow_all_ingress as check
import rego.v1

np(ingress) := {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "p", "namespace": "shop"}, "spec": {"podSelector": {}, "ingress": ingress}}

test_open_rules if {
	count(check.deny) == 1 with input as np([{}])
	count(check.deny) == 1 with input as np([{"ports": [{"port": 80}]}])
	count(check.deny) == 1 with input as np([{"from": [{"namespaceSelector": {}}]}])
	count(check.deny) == 1 with input as np([{"from": [{"ipBlock": {"cidr": "0.0.0.0/0"}}]}])
}

test_narrow_rules if {
	count(check.deny) == 0 with input as np([{"from": [{"podSelector": {"matchLabels": {"app": "web"}}}]}])
	count(check.deny) == 0 with input as np([{"from": [{"namespaceSelector": {"matchLabels": {"team": "a"}}}]}])
	count(check.deny) == 0 with input as np([{"from": [{"namespaceSelector": {}, "podSelector": {"matchLabels": {"app": "prom"}}}]}])
	count(check.deny) == 0 with input as np([{"from": [{"ipBlock": {"cidr": "0.0.0.0/0", "except": ["10.0.0.0/8"]}}]}])
	count(check.deny) == 0 with input as np([])
	count(check.deny) == 0 with input as {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "p"}, "spec": {"podSelector": {}}}
}
