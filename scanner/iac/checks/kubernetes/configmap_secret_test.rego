package tollgate.iac.kubernetes.configmap_secret_test

import data.tollgate.iac.kubernetes.configmap_secret as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"db_password": "hunter2-example"}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"log_level": "info", "token_ttl": "3600s"}}
	count(res) == 0
}
