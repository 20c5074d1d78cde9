package tollgate.iac.kubernetes.rbac_secrets_read_test

import data.tollgate.iac.kubernetes.rbac_secrets_read as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "r", "namespace": "prod"}, "rules": [{"apiGroups": [""], "resources": ["secrets"], "verbs": ["list"]}]}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "r", "namespace": "prod"}, "rules": [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}]}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "r", "namespace": "prod"}, "rules": [{"apiGroups": [""], "resources": ["secrets"], "resourceNames": ["tls"], "verbs": ["get"]}]}
	count(res) == 0
}
