# METADATA
# title: Container runs with GID 0
# description: >-
#   runAsGroup: 0 gives the process the root group, which owns many files writable by group on
#   the host and in images.
# scope: package
# custom:
#   id: TG-K8S-0043
#   peer_ids:
#     trivy: [AVD-KSV-0116]
#   severity: LOW
#   frameworks: [kubernetes]
#   remediation: >-
#     Set runAsGroup to a non-zero GID.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#   cwe: [CWE-250]
package tollgate.iac.kubernetes.run_as_root_group

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some c in k8s.containers
	k8s.effective(c, "runAsGroup") == 0
	res := k8s.sc_result(sprintf("container %q runs with group 0 (root)", [c.name]), c, "runAsGroup")
}
