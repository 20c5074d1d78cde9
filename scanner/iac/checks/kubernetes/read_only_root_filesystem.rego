# METADATA
# title: Container root filesystem is writable
# description: >-
#   A writable root filesystem lets an attacker drop tools or modify binaries inside the
#   container.
# scope: package
# custom:
#   id: TG-K8S-0005
#   peer_ids:
#     trivy: [AVD-KSV-0014]
#     checkov: [CKV_K8S_22]
#     kics: [a9c2f49d-0671-4fc9-9ece-f4e261e128d0]
#   severity: LOW
#   frameworks: [kubernetes]
#   remediation: >-
#     Set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where the
#     application needs to write.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#   cwe: [CWE-732]
package tollgate.iac.kubernetes.read_only_root_filesystem

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some c in k8s.containers
	not iac.is_true(object.get(k8s.sc(c), "readOnlyRootFilesystem", null))
	not iac.is_unknown(object.get(k8s.sc(c), "readOnlyRootFilesystem", null))
	res := k8s.sc_result(sprintf("container %q does not set readOnlyRootFilesystem: true", [c.name]), c, "readOnlyRootFilesystem")
}
