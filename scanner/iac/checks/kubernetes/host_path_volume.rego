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

deny contains res if {
	some v in k8s.volumes
	v.hostPath
	res := iac.result_key(sprintf("volume %q mounts host path %v", [v.name, object.get(v.hostPath, "path", "")]), v, "hostPath", k8s.id)
}
