# METADATA
# title: Container runs in privileged mode
# description: >-
#   A privileged container has every capability and access to all host devices: escaping to
#   the node is trivial.
# scope: package
# custom:
#   id: TG-K8S-0001
#   peer_ids:
#     trivy: [AVD-KSV-0017]
#     checkov: [CKV_K8S_16]
#     kics: [dd29336b-fe57-445b-a26e-e6aa867ae609]
#   severity: HIGH
#   frameworks: [kubernetes]
#   remediation: >-
#     Remove securityContext.privileged or set it to false.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   cwe: [CWE-250]
package tollgate.iac.kubernetes.privileged_container

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some c in k8s.containers
	iac.is_true(k8s.sc(c).privileged)
	res := iac.result_key(sprintf("container %q runs privileged", [c.name]), k8s.sc(c), "privileged", k8s.container_id(c))
}
