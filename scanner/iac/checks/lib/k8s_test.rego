package lib.k8s_test

import data.lib.k8s
import rego.v1

test_pod_spec_kinds if {
	k8s.pod_spec == {"x": 1} with input as {"kind": "Pod", "spec": {"x": 1}}
	k8s.pod_spec == {"x": 2} with input as {"kind": "Deployment", "spec": {"template": {"spec": {"x": 2}}}}
	k8s.pod_spec == {"x": 3} with input as {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {"x": 3}}}}}}
	not k8s.pod_spec with input as {"kind": "Service", "spec": {}}
}

test_id if {
	k8s.id == "Pod/default/a" with input as {"kind": "Pod", "metadata": {"name": "a"}}
	k8s.id == "Pod/prod/a" with input as {"kind": "Pod", "metadata": {"name": "a", "namespace": "prod"}}
}

test_containers_and_effective if {
	doc := {"kind": "Pod", "metadata": {"name": "a"}, "spec": {
		"securityContext": {"runAsNonRoot": true},
		"containers": [{"name": "c1", "securityContext": {"runAsNonRoot": false}}, {"name": "c2"}],
		"initContainers": [{"name": "i1"}],
	}}
	count(k8s.containers) == 3 with input as doc
	k8s.effective({"name": "c1", "securityContext": {"runAsNonRoot": false}}, "runAsNonRoot") == false with input as doc
	k8s.effective({"name": "c2"}, "runAsNonRoot") == true with input as doc
}

test_image_tag if {
	k8s.image_tag("nginx:1.25") == "1.25"
	k8s.image_tag("registry:5000/nginx") == ""
	k8s.image_tag("registry:5000/nginx:latest") == "latest"
	k8s.image_tag("nginx@sha256:abc") == ""
	k8s.image_has_digest("nginx@sha256:abc")
}
