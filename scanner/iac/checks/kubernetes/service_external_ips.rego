# METADATA
# title: Service sets externalIPs
# description: >-
#   spec.externalIPs lets a Service claim traffic for arbitrary IP addresses on every node,
#   which can be abused to intercept other tenants' traffic (CVE-2020-8554).
# scope: package
# custom:
#   id: TG-K8S-0047
#   peer_ids:
#     trivy: [AVD-KSV-0108]
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     Remove externalIPs and use a LoadBalancer or Ingress; block the field cluster-wide with an
#     admission policy.
#   references:
#     - https://kubernetes.io/docs/concepts/services-networking/service/#external-ips
#     - https://github.com/kubernetes/kubernetes/issues/97076
#   cwe: [CWE-284]
package tollgate.iac.kubernetes.service_external_ips

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	input.kind == "Service"
	count(object.get(input.spec, "externalIPs", [])) > 0
	res := iac.result_key(sprintf("Service %s sets externalIPs", [k8s.name]), input.spec, "externalIPs", k8s.id)
}
