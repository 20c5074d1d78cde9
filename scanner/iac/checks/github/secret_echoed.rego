# METADATA
# title: Secret printed by a run script
# description: >-
#   Echoing a secret relies on log masking, which fails for transformed values (base64,
#   substrings, JSON) and leaks them into logs.
# scope: package
# custom:
#   id: TG-GHA-0014
#   severity: MEDIUM
#   frameworks: [github-actions]
#   remediation: >-
#     Never print secrets; pass them to the tool that needs them through env or stdin.
#   references:
#     - https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-secrets
#   cwe: [CWE-532]
package tollgate.iac.github.secret_echoed

import data.lib.iac
import data.lib.gha
import rego.v1

deny contains res if {
	some x in gha.steps
	regex.match(`(?i)\b(echo|printf|print|cat\s*<<)[^\n|>]*\$\{\{\s*secrets\.`, gha.run_script(x.step))
	res := gha.step_result("run script prints a secret", x, "run")
}
