# METADATA
# title: Container adds the NET_RAW capability
# description: >-
#   NET_RAW allows crafting raw packets, enabling ARP and DNS spoofing against other pods on
#   the node.
# scope: package
# custom:
#   id: TG-K8S-0008
#   peer_ids:
#     trivy: [AVD-KSV-0119]
#     checkov: [CKV_K8S_28]
#     kics: [dbbc6705-d541-43b0-b166-dd4be8208b54]
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     Remove the capability from securityContext.capabilities.add; grant the narrowest
#     capability the process really needs.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#     - https://man7.org/linux/man-pages/man7/capabilities.7.html
#   cwe: [CWE-250]
package tollgate.iac.kubernetes.capability_net_raw

import data.lib.iac
import data.lib.k8s
import rego.v1

caps := {"NET_RAW"}

deny contains res if {
	some c in k8s.containers
	some a in k8s.sc(c).capabilities.add
	is_string(a)
	upper(trim_prefix(upper(a), "CAP_")) in caps
	res := iac.result_key(sprintf("container %q adds capability %s", [c.name, a]), k8s.sc(c).capabilities, "add", k8s.container_id(c))
}
