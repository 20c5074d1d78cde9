# METADATA
# title: CI debug trace enabled
# description: >-
#   CI_DEBUG_TRACE (and CI_DEBUG_SERVICES) print every command with all CI/CD variables,
#   masked or not, into the job log.
# scope: package
# custom:
#   id: TG-GITLAB-0009
#   severity: HIGH
#   frameworks: [gitlab-ci]
#   remediation: >-
#     Remove CI_DEBUG_TRACE from the committed configuration; enable it only temporarily in a
#     manual pipeline.
#   references:
#     - https://docs.gitlab.com/ci/variables/variables_troubleshooting/#enable-debug-logging
#   cwe: [CWE-532]
package tollgate.iac.gitlab.debug_trace

import data.lib.iac
import data.lib.gitlab
import rego.v1

deny contains res if {
	some v in gitlab.variables
	v.name in {"CI_DEBUG_TRACE", "CI_DEBUG_SERVICES"}
	lower(v.value) in {"true", "1"}
	res := iac.result_key(sprintf("%s is enabled", [v.name]), v.obj, v.name, v.id)
}
