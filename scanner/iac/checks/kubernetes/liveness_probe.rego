# METADATA
# title: Container has no liveness probe
# description: >-
#   Without a liveness probe a hung process is never restarted.
# scope: package
# custom:
#   id: TG-K8S-0019
#   peer_ids:
#     checkov: [CKV_K8S_8]
#     kics: [ade74944-a674-4e00-859e-c6eab5bde441]
#   severity: LOW
#   frameworks: [kubernetes]
#   remediation: >-
#     Add a livenessProbe (httpGet, tcpSocket, grpc or exec) to every long-running container.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
#   cwe: [CWE-754]
package tollgate.iac.kubernetes.liveness_probe

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	input.kind in k8s.serving_kinds
	some c in k8s.main_containers
	object.get(c, "livenessProbe", null) == null
	res := iac.result_res(sprintf("container %q has no livenessProbe", [c.name]), c, k8s.container_id(c))
}
