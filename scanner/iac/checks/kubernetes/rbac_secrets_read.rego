# METADATA
# title: Role can read Secrets
# description: >-
#   get, list or watch on secrets exposes every credential stored in the namespace (or
#   cluster, for a ClusterRole).
# scope: package
# custom:
#   id: TG-K8S-0031
#   peer_ids:
#     trivy: [AVD-KSV-0041, AVD-KSV-0113]
#     checkov: [CKV2_K8S_5]
#     kics: [b7bca5c4-1dab-4c2c-8cbe-3050b9d59b14]
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     Restrict the rule with resourceNames to the specific secrets needed, or remove it.
#   references:
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#   cwe: [CWE-200]
package tollgate.iac.kubernetes.rbac_secrets_read

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	some rule in k8s.rules
	"secrets" in object.get(rule, "resources", [])
	some v in object.get(rule, "verbs", [])
	v in {"get", "list", "watch"}
	count(object.get(rule, "resourceNames", [])) == 0
	res := iac.result_key(sprintf("%s %s can %s secrets", [input.kind, k8s.name, v]), rule, "resources", k8s.id)
}
