# METADATA
# title: Container has no memory request
# description: >-
#   Without a memory request the scheduler cannot place the pod sensibly and it can be starved
#   or evicted first.
# scope: package
# custom:
#   id: TG-K8S-0016
#   peer_ids:
#     trivy: [AVD-KSV-0016]
#     checkov: [CKV_K8S_12]
#     kics: [229588ef-8fde-40c8-8756-f4f2b5825ded]
#   severity: LOW
#   frameworks: [kubernetes]
#   remediation: >-
#     Set resources.requests.memory on every container.
#   references:
#     - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#   cwe: [CWE-770]
package tollgate.iac.kubernetes.memory_requests

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some c in k8s.pod_containers
	not has_value(c)
	res := located(sprintf("container %q has no resources.requests.memory", [c.name]), c)
}

has_value(c) if c.resources.requests.memory != null

has_value(c) if iac.is_unknown(c.resources)

located(msg, c) := iac.result_key(msg, c.resources, "requests", k8s.container_id(c)) if is_object(c.resources)

else := iac.result_res(msg, c, k8s.container_id(c))
