# METADATA
# title: Role is bound to anonymous or all authenticated users
# description: >-
#   Subjects system:anonymous, system:unauthenticated and system:authenticated cover anyone
#   who can reach the API server (or anyone with any account).
# scope: package
# custom:
#   id: TG-K8S-0034
#   peer_ids:
#     trivy: [AVD-KSV-01011, AVD-KSV-0122]
#   severity: HIGH
#   frameworks: [kubernetes]
#   remediation: >-
#     Bind roles to specific users, groups or service accounts.
#   references:
#     - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   cwe: [CWE-284]
package tollgate.iac.kubernetes.rbac_anonymous_binding

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	input.kind in k8s.rbac_binding_kinds
	some s in object.get(input, "subjects", [])
	s.name in {"system:anonymous", "system:unauthenticated", "system:authenticated"}
	res := iac.result_key(sprintf("%s %s binds %s to %s", [input.kind, k8s.name, input.roleRef.name, s.name]), s, "name", k8s.id)
}
