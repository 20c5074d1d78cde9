# METADATA
# title: Container allows privilege escalation
# description: >-
#   Without allowPrivilegeEscalation: false a process can gain more privileges than its
#   parent, e.g. through setuid binaries.
# scope: package
# custom:
#   id: TG-K8S-0002
#   peer_ids:
#     trivy: [AVD-KSV-0001]
#     checkov: [CKV_K8S_20]
#     kics: [5572cc5e-1e4c-4113-92a6-7a8a3bd25e6d]
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     Set securityContext.allowPrivilegeEscalation: false on every container.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   cwe: [CWE-269]
package tollgate.iac.kubernetes.allow_privilege_escalation

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some c in k8s.containers
	not iac.is_false(object.get(k8s.sc(c), "allowPrivilegeEscalation", null))
	not iac.is_unknown(object.get(k8s.sc(c), "allowPrivilegeEscalation", null))
	res := k8s.sc_result(sprintf("container %q does not set allowPrivilegeEscalation: false", [c.name]), c, "allowPrivilegeEscalation")
}
