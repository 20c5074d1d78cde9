# METADATA
# title: Secret variable printed in a CI script
# description: >-
#   Printing a secret variable relies on masking, which fails for short or transformed values
#   and leaks them into job logs.
# scope: package
# custom:
#   id: TG-GITLAB-0007
#   severity: MEDIUM
#   frameworks: [gitlab-ci]
#   remediation: >-
#     Never echo secrets; pass them to tools through environment variables or stdin.
#   references:
#     - https://docs.gitlab.com/ci/variables/#mask-a-cicd-variable
#   cwe: [CWE-532]
package tollgate.iac.gitlab.secret_echoed

import data.lib.iac
import data.lib.gitlab
import rego.v1

deny contains res if {
	some s in gitlab.scripts
	m := regex.find_all_string_submatch_n(`(?i)\b(?:echo|printf|print|printenv)\b[^|>;&]*\$\{?([A-Za-z_][A-Za-z0-9_]*)`, s.line, -1)
	some g in m
	not regex.match(`(?i)\b(echo|printf)\b[^;&]*[|>]`, s.line)
	regex.match(gitlab.secret_name, g[1])
	not regex.match(gitlab.not_secret_suffix, g[1])
	res := iac.result_key(sprintf("%s prints secret variable %s", [s.id, g[1]]), s.obj, s.key, s.id)
}

deny contains res if {
	some s in gitlab.scripts
	regex.match(`^\s*(printenv|env|export\s+-p|set)\s*$`, s.line)
	res := iac.result_key(sprintf("%s dumps all environment variables to the log", [s.id]), s.obj, s.key, s.id)
}
