package tollgate.iac.kubernetes.rbac_pod_exec_test

import data.tollgate.iac.kubernetes.rbac_pod_exec as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "r", "namespace": "prod"}, "rules": [{"apiGroups": [""], "resources": ["pods/exec"], "verbs": ["create"]}]}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "r", "namespace": "prod"}, "rules": [{"apiGroups": [""], "resources": ["pods", "pods/log"], "verbs": ["get"]}]}
	count(res) == 0
}
