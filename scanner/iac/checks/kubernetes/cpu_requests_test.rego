package tollgate.iac.kubernetes.cpu_requests_test

import data.tollgate.iac.kubernetes.cpu_requests as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "prod", "__loc": {"start_line": 3, "end_line": 5}}, "spec": {"template": {"metadata": {}, "spec": {"automountServiceAccountToken": false, "containers": [{"name": "app", "image": "registry.example.com/app:1.2.3", "__loc": {"start_line": 10, "end_line": 20}, "securityContext": {"allowPrivilegeEscalation": false, "runAsNonRoot": true, "readOnlyRootFilesystem": true, "capabilities": {"drop": ["ALL"]}, "seccompProfile": {"type": "RuntimeDefault"}}, "resources": {"requests": {"memory": "64Mi"}, "limits": {"cpu": "500m", "memory": "128Mi"}}, "livenessProbe": {"httpGet": {"path": "/", "port": 8080}}, "readinessProbe": {"httpGet": {"path": "/", "port": 8080}}}], "__loc": {"start_line": 8, "end_line": 30}}}}}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "prod", "__loc": {"start_line": 3, "end_line": 5}}, "spec": {"template": {"metadata": {}, "spec": {"automountServiceAccountToken": false, "containers": [{"name": "app", "image": "registry.example.com/app:1.2.3", "__loc": {"start_line": 10, "end_line": 20}, "securityContext": {"allowPrivilegeEscalation": false, "runAsNonRoot": true, "readOnlyRootFilesystem": true, "capabilities": {"drop": ["ALL"]}, "seccompProfile": {"type": "RuntimeDefault"}}, "resources": null, "livenessProbe": {"httpGet": {"path": "/", "port": 8080}}, "readinessProbe": {"httpGet": {"path": "/", "port": 8080}}}], "__loc": {"start_line": 8, "end_line": 30}}}}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "prod", "__loc": {"start_line": 3, "end_line": 5}}, "spec": {"template": {"metadata": {}, "spec": {"automountServiceAccountToken": false, "containers": [{"name": "app", "image": "registry.example.com/app:1.2.3", "__loc": {"start_line": 10, "end_line": 20}, "securityContext": {"allowPrivilegeEscalation": false, "runAsNonRoot": true, "readOnlyRootFilesystem": true, "capabilities": {"drop": ["ALL"]}, "seccompProfile": {"type": "RuntimeDefault"}}, "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}, "limits": {"cpu": "500m", "memory": "128Mi"}}, "livenessProbe": {"httpGet": {"path": "/", "port": 8080}}, "readinessProbe": {"httpGet": {"path": "/", "port": 8080}}}], "__loc": {"start_line": 8, "end_line": 30}}}}}
	count(res) == 0
}
