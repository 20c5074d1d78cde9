package tollgate.iac.kubernetes.rbac_manage_rbac_test

import data.tollgate.iac.kubernetes.rbac_manage_rbac as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "r", "namespace": "prod"}, "rules": [{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["rolebindings"], "verbs": ["create"]}]}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "r", "namespace": "prod"}, "rules": [{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles"], "verbs": ["get", "list"]}]}
	count(res) == 0
}
