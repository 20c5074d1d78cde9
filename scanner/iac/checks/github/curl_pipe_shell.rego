# METADATA
# title: Remote script piped to a shell in a workflow
# description: >-
#   curl | sh runs whatever the server returns with the job's token and secrets, without an
#   integrity check.
# scope: package
# custom:
#   id: TG-GHA-0013
#   severity: MEDIUM
#   frameworks: [github-actions]
#   remediation: >-
#     Download the script, verify a checksum or signature, then run it; or use a pinned action.
#   references:
#     - https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions
#   cwe: [CWE-494]
package tollgate.iac.github.curl_pipe_shell

import data.lib.iac
import data.lib.gha
import rego.v1

deny contains res if {
	some x in gha.steps
	regex.match(`(?i)(curl|wget)\b[^|;&\n]*\|\s*(sudo\s+)?(ba|da|z|k)?sh\b|(ba|z)?sh\s+(-c\s+)?["(]?\s*(<\(|\$\()\s*(curl|wget)\b`, gha.run_script(x.step))
	res := gha.step_result("run script pipes a remote script into a shell", x, "run")
}
