# METADATA
# title: Service is exposed on a NodePort
# description: >-
#   A NodePort service opens the port on every node of the cluster, often reachable from
#   outside the cluster network.
# scope: package
# custom:
#   id: TG-K8S-0035
#   peer_ids:
#     kics: [845acfbe-3e10-4b8e-b656-3b404d36dfb2]
#   severity: LOW
#   frameworks: [kubernetes]
#   remediation: >-
#     Use a ClusterIP service behind an Ingress or an internal load balancer.
#   references:
#     - https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport
#   cwe: [CWE-668]
package tollgate.iac.kubernetes.service_node_port

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	input.kind == "Service"
	input.spec.type == "NodePort"
	res := iac.result_key(sprintf("Service %s is of type NodePort", [k8s.name]), input.spec, "type", k8s.id)
}
