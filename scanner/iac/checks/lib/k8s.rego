# METADATA
# title: tollgate Kubernetes check library
# description: Pod spec, container and security-context helpers for kubernetes documents.
# scope: package
package lib.k8s

import data.lib.iac
import rego.v1

pod_kinds := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob", "PodTemplate"}

# kinds whose containers are expected to serve (probes make sense)
serving_kinds := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"}

is_workload if input.kind in pod_kinds

# pod_spec is the pod spec of a workload, wherever the kind keeps it.
pod_spec := input.spec if input.kind == "Pod"

else := input.spec.jobTemplate.spec.template.spec if input.kind == "CronJob"

else := input.template.spec if input.kind == "PodTemplate"

else := input.spec.template.spec if input.kind in pod_kinds

# pod_meta is the metadata of the pod template (annotations live there).
pod_meta := object.get(input, "metadata", {}) if input.kind == "Pod"

else := object.get(input.spec.jobTemplate.spec.template, "metadata", {}) if input.kind == "CronJob"

else := object.get(input.template, "metadata", {}) if input.kind == "PodTemplate"

else := object.get(input.spec.template, "metadata", {}) if input.kind in pod_kinds

else := {}

metadata := m if {
	m := input.metadata
	is_object(m)
} else := {}

name := object.get(metadata, "name", "")

namespace := ns if {
	ns := metadata.namespace
	is_string(ns)
	ns != ""
} else := "default"

# id is the stable resource address "Kind/namespace/name".
id := sprintf("%s/%s/%s", [input.kind, namespace, name])

# containers are the regular, init and ephemeral containers of the pod.
containers := array.concat(
	array.concat(object.get(pod_spec, "containers", []), object.get(pod_spec, "initContainers", [])),
	object.get(pod_spec, "ephemeralContainers", []),
)

# main_containers are the regular containers only.
pod_containers := array.concat(object.get(pod_spec, "containers", []), object.get(pod_spec, "initContainers", []))

main_containers := object.get(pod_spec, "containers", [])

container_id(c) := sprintf("%s/%s", [id, object.get(c, "name", "")])

# sc is the container's securityContext ({} when absent).
sc(c) := s if {
	s := c.securityContext
	is_object(s)
} else := {}

pod_sc := s if {
	s := pod_spec.securityContext
	is_object(s)
} else := {}

# effective returns a security-context setting, the container's own value
# winning over the pod's; undefined when neither sets it.
effective(c, k) := v if {
	v := sc(c)[k]
	v != null
} else := v if {
	v := pod_sc[k]
	v != null
}

# sc_result locates a finding at the container's securityContext key when
# it is set, else at the pod's securityContext key, else at the container.
sc_result(msg, c, k) := iac.result_key(msg, sc(c), k, container_id(c)) if {
	iac.has_key(sc(c), k)
} else := iac.result_key(msg, pod_sc, k, container_id(c)) if {
	iac.has_key(pod_sc, k)
} else := iac.result_res(msg, c, container_id(c))

# spec_result locates a finding at a pod spec key.
spec_result(msg, k) := iac.result_key(msg, pod_spec, k, id)

# volumes of the pod.
volumes := object.get(pod_spec, "volumes", [])

# image_parts splits an image reference into name, tag and digest.
image_tag(img) := tag if {
	not contains(img, "@")
	last := regex.split(`/`, img)
	seg := last[count(last) - 1]
	contains(seg, ":")
	parts := split(seg, ":")
	tag := parts[count(parts) - 1]
} else := ""

image_has_digest(img) if contains(img, "@sha256:")

rbac_role_kinds := {"Role", "ClusterRole"}

rbac_binding_kinds := {"RoleBinding", "ClusterRoleBinding"}

rules := object.get(input, "rules", []) if input.kind in rbac_role_kinds

else := []
