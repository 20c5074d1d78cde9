# METADATA
# title: LoadBalancer service is open to any source
# description: >-
#   A public LoadBalancer without loadBalancerSourceRanges accepts traffic from the whole
#   internet.
# scope: package
# custom:
#   id: TG-K8S-0036
#   severity: LOW
#   frameworks: [kubernetes]
#   remediation: >-
#     Set spec.loadBalancerSourceRanges, or make the load balancer internal with your provider's
#     annotation.
#   references:
#     - https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/
#   cwe: [CWE-668]
package tollgate.iac.kubernetes.service_load_balancer_open

import data.lib.iac
import data.lib.k8s
import rego.v1

internal_annotations := {
	"service.beta.kubernetes.io/aws-load-balancer-internal",
	"service.beta.kubernetes.io/azure-load-balancer-internal",
	"networking.gke.io/load-balancer-type",
	"cloud.google.com/load-balancer-type",
	"service.beta.kubernetes.io/aws-load-balancer-scheme",
	"service.beta.kubernetes.io/oci-load-balancer-internal",
}

deny contains res if {
	input.kind == "Service"
	input.spec.type == "LoadBalancer"
	count(object.get(input.spec, "loadBalancerSourceRanges", [])) == 0
	not is_internal
	res := iac.result_key(sprintf("LoadBalancer Service %s has no loadBalancerSourceRanges", [k8s.name]), input.spec, "type", k8s.id)
}

is_internal if {
	some k, v in object.get(k8s.metadata, "annotations", {})
	k in internal_annotations
	lower(sprintf("%v", [v])) in {"true", "internal", "0.0.0.0/0"}
}
