# METADATA
# title: All secrets serialised with toJSON(secrets)
# description: >-
#   toJSON(secrets) exposes every secret available to the workflow to the step that receives
#   it.
# scope: package
# custom:
#   id: TG-GHA-0009
#   severity: HIGH
#   frameworks: [github-actions]
#   remediation: >-
#     Pass individual secrets explicitly.
#   references:
#     - https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions
#   cwe: [CWE-200]
package tollgate.iac.github.secrets_to_json

import data.lib.iac
import data.lib.gha
import rego.v1

deny contains res if {
	some x in gha.steps
	some k, v in x.step
	not startswith(k, "__")
	regex.match(`(?i)tojson\(\s*secrets\s*\)`, json.marshal(v))
	res := gha.step_result("step receives toJSON(secrets)", x, k)
}
