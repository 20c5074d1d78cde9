# METADATA
# title: Role allows escalate, bind or impersonate
# description: >-
#   escalate and bind let the subject grant itself any permission; impersonate lets it act as
#   any user or group.
# scope: package
# custom:
#   id: TG-K8S-0033
#   peer_ids:
#     trivy: [AVD-KSV-0043]
#     checkov: [CKV_K8S_157, CKV_K8S_158, CKV2_K8S_3]
#     kics: [9f85c3f6-26fd-4007-938a-2e0cb0100980]
#   severity: HIGH
#   frameworks: [kubernetes]
#   remediation: >-
#     Remove the escalate, bind and impersonate verbs.
#   references:
#     - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   cwe: [CWE-269]
package tollgate.iac.kubernetes.rbac_escalation_verbs

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some rule in k8s.rules
	some v in object.get(rule, "verbs", [])
	v in {"escalate", "bind", "impersonate"}
	res := iac.result_key(sprintf("%s %s allows %s", [input.kind, k8s.name, v]), rule, "verbs", k8s.id)
}
