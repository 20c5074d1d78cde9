# METADATA
# title: Namespace with workloads has no default-deny NetworkPolicy
# description: >-
#   A manifest that creates a namespace and deploys workloads into it ships
#   no NetworkPolicy that selects every pod and allows no ingress, so every
#   pod of the cluster can reach every pod of the namespace.
# scope: package
# custom:
#   id: TG-K8S-0050
#   peer_ids:
#     checkov: [CKV2_K8S_6]
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     Add a NetworkPolicy in the namespace with podSelector: {} and policyTypes: [Ingress] (and no
#     ingress rules), then allow the traffic each workload needs with narrower policies. Judged per
#     file: a default-deny policy kept in another file is not seen; suppress the finding there.
#   references:
#     - https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-ingress-traffic
#   cwe: [CWE-923]
package tollgate.iac.kubernetes.namespace_default_deny

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	input.kind == "Namespace"
	object.get(input, "__workloads", 0) > 0
	not _default_deny
	res := iac.result_res(sprintf("Namespace %s has %d workloads in this file and no default-deny ingress NetworkPolicy", [k8s.name, input.__workloads]), object.get(input, "metadata", input), sprintf("Namespace//%s", [k8s.name]))
}

_default_deny if {
	some p in object.get(input, "__network_policies", [])
	_selects_all(object.get(p.spec, "podSelector", {}))
	_covers_ingress(p.spec)
	count(object.get(p.spec, "ingress", [])) == 0
}

_selects_all(sel) if {
	count(object.get(sel, "matchLabels", {})) == 0
	count(object.get(sel, "matchExpressions", [])) == 0
}

# policyTypes defaults to [Ingress] (plus Egress when egress rules exist)
_covers_ingress(spec) if not spec.policyTypes

_covers_ingress(spec) if "Ingress" in spec.policyTypes
