# METADATA
# title: Secret values are committed in a manifest
# description: >-
#   A Secret manifest with data or stringData puts the (only base64-encoded) secret values
#   into the repository.
# scope: package
# custom:
#   id: TG-K8S-0046
#   severity: MEDIUM
#   frameworks: [kubernetes]
#   remediation: >-
#     Generate Secrets at deploy time (sealed-secrets, external-secrets, SOPS, your CI's secret
#     store) instead of committing them.
#   references:
#     - https://kubernetes.io/docs/concepts/security/secrets-good-practices/
#   cwe: [CWE-312]
package tollgate.iac.kubernetes.secret_in_manifest

import data.lib.iac
import data.lib.k8s
import rego.v1

deny contains res if {
	input.kind == "Secret"
	object.get(input, "type", "Opaque") != "kubernetes.io/service-account-token"
	some field in ["data", "stringData"]
	some k, v in object.get(input, field, {})
	not startswith(k, "__")
	is_string(v)
	v != ""
	res := iac.result_key(sprintf("Secret %s stores %s in %s", [k8s.name, k, field]), input, field, k8s.id)
}
