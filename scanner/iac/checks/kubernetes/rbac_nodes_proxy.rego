# METADATA
# title: Role grants access to nodes/proxy
# description: >-
#   nodes/proxy reaches the kubelet API of every node, which can execute commands in any pod
#   while bypassing audit logging and admission control.
# scope: package
# custom:
#   id: TG-K8S-0049
#   peer_ids:
#     trivy: [AVD-KSV-0047]
#   severity: HIGH
#   frameworks: [kubernetes]
#   remediation: >-
#     Remove nodes/proxy from roles; monitoring agents should read metrics endpoints instead.
#   references:
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   cwe: [CWE-269]
package tollgate.iac.kubernetes.rbac_nodes_proxy

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some rule in k8s.rules
	"nodes/proxy" in object.get(rule, "resources", [])
	res := iac.result_key(sprintf("%s %s grants access to nodes/proxy", [input.kind, k8s.name]), rule, "resources", k8s.id)
}
