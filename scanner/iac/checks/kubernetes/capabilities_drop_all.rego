# METADATA
# title: Container does not drop all capabilities
# description: >-
#   Containers start with a default set of Linux capabilities (e.g. NET_RAW, CHOWN, SETUID)
#   that most applications never need.
# scope: package
# custom:
#   id: TG-K8S-0006
#   peer_ids:
#     trivy: [AVD-KSV-0003]
#     checkov: [CKV_K8S_37]
#     kics: [268ca686-7fb7-4ae9-b129-955a2a89064e]
#   severity: LOW
#   frameworks: [kubernetes]
#   remediation: >-
#     Set securityContext.capabilities.drop: [ALL] and add back only what is needed.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   cwe: [CWE-250]
package tollgate.iac.kubernetes.capabilities_drop_all

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some c in k8s.containers
	not drops_all(c)
	not iac.is_unknown(object.get(k8s.sc(c), "capabilities", null))
	res := k8s.sc_result(sprintf("container %q does not drop ALL capabilities", [c.name]), c, "capabilities")
}

drops_all(c) if {
	some d in k8s.sc(c).capabilities.drop
	is_string(d)
	upper(d) == "ALL"
}
