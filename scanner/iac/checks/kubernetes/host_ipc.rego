# METADATA
# title: Pod shares the host IPC namespace
# description: >-
#   The pod can read and write shared memory of every process on the node.
# scope: package
# custom:
#   id: TG-K8S-0012
#   peer_ids:
#     trivy: [AVD-KSV-0008]
#     checkov: [CKV_K8S_18]
#     kics: [cd290efd-6c82-4e9d-a698-be12ae31d536]
#   severity: HIGH
#   frameworks: [kubernetes]
#   remediation: >-
#     Remove spec.hostIPC or set it to false.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   cwe: [CWE-653]
package tollgate.iac.kubernetes.host_ipc

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	iac.is_true(k8s.pod_spec.hostIPC)
	res := k8s.spec_result("pod sets hostIPC: true", "hostIPC")
}
