# METADATA
# title: Container adds the SYS_ADMIN capability
# description: >-
#   SYS_ADMIN is close to root: it allows mounting filesystems, using namespaces and many
#   container escapes.
# scope: package
# custom:
#   id: TG-K8S-0007
#   peer_ids:
#     trivy: [AVD-KSV-0005]
#     checkov: [CKV_K8S_39]
#     kics: [235236ee-ad78-4065-bd29-61b061f28ce0]
#   severity: HIGH
#   frameworks: [kubernetes]
#   remediation: >-
#     Remove the capability from securityContext.capabilities.add; grant the narrowest
#     capability the process really needs.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#     - https://man7.org/linux/man-pages/man7/capabilities.7.html
#   cwe: [CWE-250]
package tollgate.iac.kubernetes.capability_sys_admin

import data.lib.iac
import data.lib.k8s
import rego.v1

caps := {"SYS_ADMIN"}

deny contains res if {
	some c in k8s.containers
	some a in k8s.sc(c).capabilities.add
	is_string(a)
	upper(trim_prefix(upper(a), "CAP_")) in caps
	res := iac.result_key(sprintf("container %q adds capability %s", [c.name, a]), k8s.sc(c).capabilities, "add", k8s.container_id(c))
}
