# METADATA
# title: Pod shares the host network namespace
# description: >-
#   The pod sees every interface of the node, can bind its ports and sniff its traffic, and
#   bypasses network policies.
# scope: package
# custom:
#   id: TG-K8S-0010
#   peer_ids:
#     trivy: [AVD-KSV-0009]
#     checkov: [CKV_K8S_19]
#     kics: [6b6bdfb3-c3ae-44cb-88e4-7405c1ba2c8a]
#   severity: HIGH
#   frameworks: [kubernetes]
#   remediation: >-
#     Remove spec.hostNetwork or set it to false.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   cwe: [CWE-653]
package tollgate.iac.kubernetes.host_network

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	iac.is_true(k8s.pod_spec.hostNetwork)
	res := k8s.spec_result("pod sets hostNetwork: true", "hostNetwork")
}
