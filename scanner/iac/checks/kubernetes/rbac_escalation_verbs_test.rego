package tollgate.iac.kubernetes.rbac_escalation_verbs_test

import data.tollgate.iac.kubernetes.rbac_escalation_verbs as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "r", "namespace": "prod"}, "rules": [{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["bind"]}]}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "r", "namespace": "prod"}, "rules": [{"apiGroups": [""], "resources": ["users"], "verbs": ["impersonate"]}]}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "r", "namespace": "prod"}, "rules": [{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}]}
	count(res) == 0
}
