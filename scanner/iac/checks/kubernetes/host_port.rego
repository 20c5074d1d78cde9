# METADATA
# title: Container binds a host port
# description: >-
#   hostPort binds the node's port directly, bypassing Services and network policies and
#   limiting scheduling.
# scope: package
# custom:
#   id: TG-K8S-0014
#   peer_ids:
#     trivy: [AVD-KSV-0024]
#     checkov: [CKV_K8S_26]
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     Remove hostPort and expose the container through a Service.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   cwe: [CWE-668]
package tollgate.iac.kubernetes.host_port

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some c in k8s.containers
	some p in c.ports
	is_number(p.hostPort)
	p.hostPort > 0
	res := iac.result_key(sprintf("container %q binds host port %d", [c.name, p.hostPort]), p, "hostPort", k8s.container_id(c))
}
