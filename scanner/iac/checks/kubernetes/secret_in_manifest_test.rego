package tollgate.iac.kubernetes.secret_in_manifest_test

import data.tollgate.iac.kubernetes.secret_in_manifest as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"}, "stringData": {"password": "example-only"}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s", "annotations": {"kubernetes.io/service-account.name": "x"}}, "type": "kubernetes.io/service-account-token"}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"}, "data": {}}
	count(res) == 0
}
