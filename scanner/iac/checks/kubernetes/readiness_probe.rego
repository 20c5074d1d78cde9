# METADATA
# title: Container has no readiness probe
# description: >-
#   Without a readiness probe traffic is sent to pods that cannot serve it yet.
# scope: package
# custom:
#   id: TG-K8S-0020
#   peer_ids:
#     checkov: [CKV_K8S_9]
#     kics: [a659f3b5-9bf0-438a-bd9a-7d3a6427f1e3]
#   severity: LOW
#   frameworks: [kubernetes]
#   remediation: >-
#     Add a readinessProbe (httpGet, tcpSocket, grpc or exec) to every long-running container.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
#   cwe: [CWE-754]
package tollgate.iac.kubernetes.readiness_probe

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	input.kind in k8s.serving_kinds
	some c in k8s.main_containers
	object.get(c, "readinessProbe", null) == null
	res := iac.result_res(sprintf("container %q has no readinessProbe", [c.name]), c, k8s.container_id(c))
}
