# METADATA
# title: Role grants wildcard verbs or resources
# description: >-
#   A '*' in verbs or resources grants every current and future permission on the API group,
#   far beyond least privilege.
# scope: package
# custom:
#   id: TG-K8S-0029
#   peer_ids:
#     trivy: [AVD-KSV-0044, AVD-KSV-0045, AVD-KSV-0046]
#     checkov: [CKV_K8S_49]
#     kics: [6b896afb-ca07-467a-b256-1a0077a1c08e]
#   severity: HIGH
#   frameworks: [kubernetes]
#   remediation: >-
#     List the exact resources and verbs the subject needs.
#   references:
#     - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   cwe: [CWE-732]
package tollgate.iac.kubernetes.rbac_wildcard

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some rule in k8s.rules
	some field in ["verbs", "resources"]
	"*" in object.get(rule, field, [])
	res := iac.result_key(sprintf("%s %s grants '*' %s", [input.kind, k8s.name, field]), rule, field, k8s.id)
}
