# METADATA
# title: Role can create or change RBAC roles and bindings
# description: >-
#   Write access to roles, clusterroles, rolebindings or clusterrolebindings lets the subject
#   grant permissions, including to itself, within the limits of escalation checks.
# scope: package
# custom:
#   id: TG-K8S-0048
#   peer_ids:
#     trivy: [AVD-KSV-0050]
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     Reserve RBAC management to cluster administrators and GitOps controllers; remove
#     create/update/patch on RBAC resources from application roles.
#   references:
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   cwe: [CWE-269]
package tollgate.iac.kubernetes.rbac_manage_rbac

import data.lib.iac
import data.lib.k8s
import rego.v1

rbac_resources := {"roles", "clusterroles", "rolebindings", "clusterrolebindings"}

deny contains res if {
	some rule in k8s.rules
	some r in object.get(rule, "resources", [])
	r in rbac_resources
	some v in object.get(rule, "verbs", [])
	v in {"create", "update", "patch"}
	res := iac.result_key(sprintf("%s %s can %s %s", [input.kind, k8s.name, v, r]), rule, "resources", k8s.id)
}
