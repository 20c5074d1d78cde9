# METADATA
# title: Pod mounts a hostPath volume
# description: >-
#   hostPath volumes expose the node's filesystem to the pod; writable ones allow persisting
#   on or escaping to the node.
# scope: package
# custom:
#   id: TG-K8S-0013
#   peer_ids:
#     trivy: [AVD-KSV-0023]
#     kics: [aa8f7a35-9923-4cad-bd61-a19b7f6aac91]
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     Use emptyDir, configMap, secret or persistent volumes instead of hostPath.
#   references:
#     - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   cwe: [CWE-668]
package tollgate.iac.kubernetes.host_path_volume

import data.lib.iac
import data.lib.k8s
import rego.v1

# A volume without a name (Kubernetes rejects it, but the manifest is what
# ships) still mounts the host path: the name is only for the message.
deny contains res if {
	some v in k8s.volumes
	hp := object.get(v, "hostPath", null)
	is_object(hp)
	res := iac.result_key(sprintf("%s mounts host path %v", [_volume(v), object.get(hp, "path", "")]), v, "hostPath", k8s.id)
}

_volume(v) := sprintf("volume %q", [v.name]) if is_string(v.name) else := "a volume without a name"
