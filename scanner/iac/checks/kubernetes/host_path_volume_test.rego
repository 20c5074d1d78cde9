package tollgate.iac.kubernetes.host_path_volume_test

import data.tollgate.iac.kubernetes.host_path_volume as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "prod", "__loc": {"start_line": 3, "end_line": 5}}, "spec": {"template": {"metadata": {}, "spec": {"automountServiceAccountToken": false, "containers": [{"name": "app", "image": "registry.example.com/app:1.2.3", "__loc": {"start_line": 10, "end_line": 20}, "securityContext": {"allowPrivilegeEscalation": false, "runAsNonRoot": true, "readOnlyRootFilesystem": true, "capabilities": {"drop": ["ALL"]}, "seccompProfile": {"type": "RuntimeDefault"}}, "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}, "limits": {"cpu": "500m", "memory": "128Mi"}}, "livenessProbe": {"httpGet": {"path": "/", "port": 8080}}, "readinessProbe": {"httpGet": {"path": "/", "port": 8080}}}], "__loc": {"start_line": 8, "end_line": 30}, "volumes": [{"name": "h", "hostPath": {"path": "/data"}}]}}}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "prod", "__loc": {"start_line": 3, "end_line": 5}}, "spec": {"template": {"metadata": {}, "spec": {"automountServiceAccountToken": false, "containers": [{"name": "app", "image": "registry.example.com/app:1.2.3", "__loc": {"start_line": 10, "end_line": 20}, "securityContext": {"allowPrivilegeEscalation": false, "runAsNonRoot": true, "readOnlyRootFilesystem": true, "capabilities": {"drop": ["ALL"]}, "seccompProfile": {"type": "RuntimeDefault"}}, "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}, "limits": {"cpu": "500m", "memory": "128Mi"}}, "livenessProbe": {"httpGet": {"path": "/", "port": 8080}}, "readinessProbe": {"httpGet": {"path": "/", "port": 8080}}}], "__loc": {"start_line": 8, "end_line": 30}}}}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "prod", "__loc": {"start_line": 3, "end_line": 5}}, "spec": {"template": {"metadata": {}, "spec": {"automountServiceAccountToken": false, "containers": [{"name": "app", "image": "registry.example.com/app:1.2.3", "__loc": {"start_line": 10, "end_line": 20}, "securityContext": {"allowPrivilegeEscalation": false, "runAsNonRoot": true, "readOnlyRootFilesystem": true, "capabilities": {"drop": ["ALL"]}, "seccompProfile": {"type": "RuntimeDefault"}}, "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}, "limits": {"cpu": "500m", "memory": "128Mi"}}, "livenessProbe": {"httpGet": {"path": "/", "port": 8080}}, "readinessProbe": {"httpGet": {"path": "/", "port": 8080}}}], "__loc": {"start_line": 8, "end_line": 30}, "volumes": [{"name": "e", "emptyDir": {}}]}}}}
	count(res) == 0
}

pod(volumes) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web", "namespace": "prod", "__loc": {"start_line": 3, "end_line": 5}}, "spec": {"containers": [{"name": "app", "image": "registry.example.com/app:1.2.3"}], "volumes": volumes}}

test_deny_volume_without_name if {
	res := check.deny with input as pod([{"hostPath": {"path": "/var/run/docker.sock", "type": "Socket"}}])
	count(res) == 1
	some r in res
	contains(r.msg, "without a name")
}

test_pass_hostpath_null if {
	res := check.deny with input as pod([{"name": "h", "hostPath": null}])
	count(res) == 0
}
