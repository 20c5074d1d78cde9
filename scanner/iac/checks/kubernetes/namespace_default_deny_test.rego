package tollgate.iac.kubernetes.namespace_default_deny_test

import data.tollgate.iac.kubernetes.namespace_default_deny as check
import rego.v1

ns(pols, n) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop"}, "__network_policies": pols, "__workloads": n}

deny_all := {"kind": "NetworkPolicy", "metadata": {"name": "d", "namespace": "shop"}, "spec": {"podSelector": {}, "policyTypes": ["Ingress"]}}

test_workloads_without_policy if {
	count(check.deny) == 1 with input as ns([], 2)
}

test_default_deny_present if {
	count(check.deny) == 0 with input as ns([deny_all], 2)
	count(check.deny) == 0 with input as ns([{"kind": "NetworkPolicy", "metadata": {"name": "d"}, "spec": {"podSelector": {}}}], 1)
}

test_policy_that_is_not_default_deny if {
	narrow := {"kind": "NetworkPolicy", "metadata": {"name": "n"}, "spec": {"podSelector": {"matchLabels": {"app": "web"}}, "policyTypes": ["Ingress"]}}
	count(check.deny) == 1 with input as ns([narrow], 1)
	allow := {"kind": "NetworkPolicy", "metadata": {"name": "a"}, "spec": {"podSelector": {}, "ingress": [{}]}}
	count(check.deny) == 1 with input as ns([allow], 1)
	egress_only := {"kind": "NetworkPolicy", "metadata": {"name": "e"}, "spec": {"podSelector": {}, "policyTypes": ["Egress"]}}
	count(check.deny) == 1 with input as ns([egress_only], 1)
}

test_namespace_without_workloads if {
	count(check.deny) == 0 with input as ns([], 0)
	count(check.deny) == 0 with input as {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "x"}}
}
