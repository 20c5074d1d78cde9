# METADATA
# title: NetworkPolicy allows ingress from everywhere
# description: >-
#   An ingress rule with no "from" (or an empty one), a namespaceSelector of {} alone, or an
#   ipBlock of 0.0.0.0/0 admits traffic from every pod of every namespace or from anywhere,
#   which undoes the isolation the policy is meant to give.
# scope: package
# custom:
#   id: TG-K8S-0051
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     List the allowed sources in "from": a podSelector, a namespaceSelector with labels, or a
#     specific ipBlock.
#   references:
#     - https://kubernetes.io/docs/concepts/services-networking/network-policies/
#   cwe: [CWE-923]
package tollgate.iac.kubernetes.network_policy_allow_all_ingress

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	input.kind == "NetworkPolicy"
	some rule in object.get(input.spec, "ingress", [])
	is_object(rule)
	why := _open(rule)
	res := iac.result_res(sprintf("NetworkPolicy %s allows ingress %s", [k8s.name, why]), rule, k8s.id)
}

# _open names how a rule admits everyone (first match), undefined when it
# does not.
_open(rule) := "from every source" if {
	count(object.get(rule, "from", [])) == 0
} else := "from every pod of every namespace" if {
	some peer in object.get(rule, "from", [])
	ns := object.get(peer, "namespaceSelector", null)
	is_object(ns)
	count(object.get(ns, "matchLabels", {})) == 0
	count(object.get(ns, "matchExpressions", [])) == 0
	not peer.podSelector
} else := "from any address" if {
	some peer in object.get(rule, "from", [])
	iac.open_cidr(peer.ipBlock.cidr)
	count(object.get(peer.ipBlock, "except", [])) == 0
}
