# METADATA
# title: Pod shares the host process namespace
# description: >-
#   The pod can see and signal every process on the node, and read their environment through
#   /proc.
# scope: package
# custom:
#   id: TG-K8S-0011
#   peer_ids:
#     trivy: [AVD-KSV-0010]
#     checkov: [CKV_K8S_17]
#     kics: [302736f4-b16c-41b8-befe-c0baffa0bd9d]
#   severity: HIGH
#   frameworks: [kubernetes]
#   remediation: >-
#     Remove spec.hostPID or set it to false.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   cwe: [CWE-653]
package tollgate.iac.kubernetes.host_pid

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	iac.is_true(k8s.pod_spec.hostPID)
	res := k8s.spec_result("pod sets hostPID: true", "hostPID")
}
