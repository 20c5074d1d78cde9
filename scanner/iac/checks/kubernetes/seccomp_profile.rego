# METADATA
# title: Container has no seccomp profile
# description: >-
#   Without a seccomp profile (RuntimeDefault or Localhost) the container can use every system
#   call, widening the kernel attack surface.
# scope: package
# custom:
#   id: TG-K8S-0023
#   peer_ids:
#     trivy: [AVD-KSV-0030]
#     checkov: [CKV_K8S_31]
#     kics: [f377b83e-bd07-4f48-a591-60c82b14a78b]
#   severity: LOW
#   frameworks: [kubernetes]
#   remediation: >-
#     Set securityContext.seccompProfile.type: RuntimeDefault at pod or container level.
#   references:
#     - https://kubernetes.io/docs/tutorials/security/seccomp/
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   cwe: [CWE-693]
package tollgate.iac.kubernetes.seccomp_profile

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some c in k8s.containers
	not has_profile(c)
	not annotated
	res := k8s.sc_result(sprintf("container %q has no seccomp profile", [c.name]), c, "seccompProfile")
}

has_profile(c) if k8s.effective(c, "seccompProfile").type

has_profile(c) if iac.is_unknown(k8s.effective(c, "seccompProfile"))

annotated if k8s.pod_meta.annotations["seccomp.security.alpha.kubernetes.io/pod"]
