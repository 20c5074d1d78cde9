# METADATA
# title: Subject is bound to cluster-admin
# description: >-
#   cluster-admin is full control of the cluster; binding it to an application or a group of
#   users is rarely necessary.
# scope: package
# custom:
#   id: TG-K8S-0030
#   peer_ids:
#     trivy: [AVD-KSV-0111]
#     kics: [249328b8-5f0f-409f-b1dd-029f07882e11]
#   severity: HIGH
#   frameworks: [kubernetes]
#   remediation: >-
#     Bind a role with only the permissions needed.
#   references:
#     - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   cwe: [CWE-269]
package tollgate.iac.kubernetes.cluster_admin_binding

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	input.kind in k8s.rbac_binding_kinds
	input.roleRef.name == "cluster-admin"
	res := iac.result_key(sprintf("%s %s binds cluster-admin", [input.kind, k8s.name]), input.roleRef, "name", k8s.id)
}
