# METADATA
# title: Container has no CPU request
# description: >-
#   Without a cpu request the scheduler cannot place the pod sensibly and it can be starved or
#   evicted first.
# scope: package
# custom:
#   id: TG-K8S-0015
#   peer_ids:
#     trivy: [AVD-KSV-0015]
#     checkov: [CKV_K8S_10]
#     kics: [ca469dd4-c736-448f-8ac1-30a642705e0a]
#   severity: LOW
#   frameworks: [kubernetes]
#   remediation: >-
#     Set resources.requests.cpu on every container.
#   references:
#     - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#   cwe: [CWE-770]
package tollgate.iac.kubernetes.cpu_requests

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some c in k8s.pod_containers
	not has_value(c)
	res := located(sprintf("container %q has no resources.requests.cpu", [c.name]), c)
}

has_value(c) if c.resources.requests.cpu != null

has_value(c) if iac.is_unknown(c.resources)

located(msg, c) := iac.result_key(msg, c.resources, "requests", k8s.container_id(c)) if is_object(c.resources)

else := iac.result_res(msg, c, k8s.container_id(c))
