# METADATA
# title: Container disables seccomp
# description: >-
#   seccompProfile type Unconfined switches system call filtering off for the container.
# scope: package
# custom:
#   id: TG-K8S-0024
#   peer_ids:
#     trivy: [AVD-KSV-0104]
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     Use seccompProfile type RuntimeDefault or a Localhost profile.
#   references:
#     - https://kubernetes.io/docs/tutorials/security/seccomp/
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   cwe: [CWE-693]
package tollgate.iac.kubernetes.seccomp_unconfined

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some c in k8s.containers
	k8s.effective(c, "seccompProfile").type == "Unconfined"
	res := k8s.sc_result(sprintf("container %q runs with seccomp Unconfined", [c.name]), c, "seccompProfile")
}
