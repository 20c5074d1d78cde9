# METADATA
# title: Remote script piped to a shell in CI
# description: >-
#   curl | sh runs whatever the server returns with the job's CI variables and token, without
#   an integrity check.
# scope: package
# custom:
#   id: TG-GITLAB-0003
#   severity: MEDIUM
#   frameworks: [gitlab-ci]
#   remediation: >-
#     Download the script, verify a checksum or signature, then run it.
#   references:
#     - https://docs.gitlab.com/ci/yaml/#script
#   cwe: [CWE-494]
package tollgate.iac.gitlab.curl_pipe_shell

import data.lib.iac
import data.lib.gitlab
import rego.v1

deny contains res if {
	some s in gitlab.scripts
	regex.match(`(?i)(curl|wget)\b[^|;&]*\|\s*(sudo\s+)?(ba|da|z|k)?sh\b|(ba|z)?sh\s+(-c\s+)?["(]?\s*(<\(|\$\()\s*(curl|wget)\b`, s.line)
	res := iac.result_key(sprintf("%s pipes a remote script into a shell", [s.id]), s.obj, s.key, s.id)
}
