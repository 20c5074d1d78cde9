package tollgate.iac.kubernetes.rbac_create_pods_test

import data.tollgate.iac.kubernetes.rbac_create_pods as check
import rego.v1

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "r", "namespace": "prod"}, "rules": rules}

test_create_pods if {
	count(check.deny) == 1 with input as role([{"apiGroups": [""], "resources": ["pods"], "verbs": ["get", "create"]}])
	count(check.deny) == 1 with input as role([{"apiGroups": [""], "resources": ["pods", "services"], "verbs": ["*"]}])
}

test_no_create_pods if {
	count(check.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list"]}])
	count(check.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["pods/log"], "verbs": ["create"]}])
	count(check.deny) == 0 with input as role([{"apiGroups": ["metrics.k8s.io"], "resources": ["pods"], "verbs": ["create"]}])
}
