# METADATA
# title: Container has no memory limit
# description: >-
#   Without a memory limit one container can exhaust the node's memory, a denial of service
#   for its neighbours.
# scope: package
# custom:
#   id: TG-K8S-0018
#   peer_ids:
#     trivy: [AVD-KSV-0018]
#     checkov: [CKV_K8S_13]
#     kics: [b14d1bc4-a208-45db-92f0-e21f8e2588e9]
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     Set resources.limits.memory on every container.
#   references:
#     - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#   cwe: [CWE-770]
package tollgate.iac.kubernetes.memory_limits

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some c in k8s.pod_containers
	not has_value(c)
	res := located(sprintf("container %q has no resources.limits.memory", [c.name]), c)
}

has_value(c) if c.resources.limits.memory != null

has_value(c) if iac.is_unknown(c.resources)

located(msg, c) := iac.result_key(msg, c.resources, "limits", k8s.container_id(c)) if is_object(c.resources)

else := iac.result_res(msg, c, k8s.container_id(c))
