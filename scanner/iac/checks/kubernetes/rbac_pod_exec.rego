# METADATA
# title: Role can exec into pods
# description: >-
#   create on pods/exec or pods/attach gives a shell in any pod of the scope, and with it
#   their service account tokens and secrets.
# scope: package
# custom:
#   id: TG-K8S-0032
#   peer_ids:
#     trivy: [AVD-KSV-0053]
#     kics: [c589f42c-7924-4871-aee2-1cede9bc7cbc]
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     Remove pods/exec and pods/attach from roles used by applications.
#   references:
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   cwe: [CWE-269]
package tollgate.iac.kubernetes.rbac_pod_exec

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some rule in k8s.rules
	some r in object.get(rule, "resources", [])
	r in {"pods/exec", "pods/attach"}
	some v in object.get(rule, "verbs", [])
	v in {"create", "get", "*"}
	res := iac.result_key(sprintf("%s %s can %s %s", [input.kind, k8s.name, v, r]), rule, "resources", k8s.id)
}
