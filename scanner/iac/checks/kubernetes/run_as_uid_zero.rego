# METADATA
# title: Container runs as UID 0
# description: >-
#   runAsUser: 0 makes the container's processes run as root, which turns any container escape
#   into root on the node.
# scope: package
# custom:
#   id: TG-K8S-0004
#   peer_ids:
#     trivy: [AVD-KSV-0105]
#   severity: HIGH
#   frameworks: [kubernetes]
#   remediation: >-
#     Set runAsUser to a non-zero UID that the image supports.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   cwe: [CWE-250]
package tollgate.iac.kubernetes.run_as_uid_zero

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some c in k8s.containers
	k8s.effective(c, "runAsUser") == 0
	res := k8s.sc_result(sprintf("container %q runs as UID 0 (root)", [c.name]), c, "runAsUser")
}
