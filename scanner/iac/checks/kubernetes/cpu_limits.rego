# METADATA
# title: Container has no CPU limit
# description: >-
#   Without a cpu limit one container can exhaust the node's CPU, a denial of service for its
#   neighbours.
# scope: package
# custom:
#   id: TG-K8S-0017
#   peer_ids:
#     trivy: [AVD-KSV-0011]
#     checkov: [CKV_K8S_11]
#     kics: [4ac0e2b7-d2d2-4af7-8799-e8de6721ccda]
#   severity: LOW
#   frameworks: [kubernetes]
#   remediation: >-
#     Set resources.limits.cpu on every container.
#   references:
#     - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#   cwe: [CWE-770]
package tollgate.iac.kubernetes.cpu_limits

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some c in k8s.pod_containers
	not has_value(c)
	res := located(sprintf("container %q has no resources.limits.cpu", [c.name]), c)
}

has_value(c) if c.resources.limits.cpu != null

has_value(c) if iac.is_unknown(c.resources)

located(msg, c) := iac.result_key(msg, c.resources, "limits", k8s.container_id(c)) if is_object(c.resources)

else := iac.result_res(msg, c, k8s.container_id(c))
