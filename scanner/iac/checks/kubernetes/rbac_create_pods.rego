# METADATA
# title: Role can create pods
# description: >-
#   Whoever can create pods in a namespace can run any image with any service account of that
#   namespace and mount its secrets, so the permission is worth every secret and token there.
# scope: package
# custom:
#   id: TG-K8S-0052
#   peer_ids:
#     kics: [592ad21d-ad9b-46c6-8d2d-fad09d62a942]
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     Grant create on pods only to controllers that need it; give people and CI deploy rights on
#     the workload resources through a reviewed pipeline instead.
#   references:
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation
#   cwe: [CWE-269]
package tollgate.iac.kubernetes.rbac_create_pods

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some rule in k8s.rules
	"pods" in object.get(rule, "resources", [])
	some v in object.get(rule, "verbs", [])
	v in {"create", "*"}
	_core(rule)
	res := iac.result_key(sprintf("%s %s can create pods", [input.kind, k8s.name]), rule, "verbs", k8s.id)
}

_core(rule) if "" in object.get(rule, "apiGroups", [""])

_core(rule) if "*" in object.get(rule, "apiGroups", [])
