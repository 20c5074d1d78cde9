# METADATA
# title: Security scanning job allowed to fail
# description: >-
#   allow_failure: true on a security scanning job lets the pipeline pass when the scan fails
#   or finds problems, so the gate is silently off.
# scope: package
# custom:
#   id: TG-GITLAB-0005
#   severity: MEDIUM
#   frameworks: [gitlab-ci]
#   remediation: >-
#     Remove allow_failure from security jobs, or gate on their results in a later job.
#   references:
#     - https://docs.gitlab.com/ci/yaml/#allow_failure
#   cwe: [CWE-693]
package tollgate.iac.gitlab.security_job_allow_failure

import data.lib.iac
import data.lib.gitlab
import rego.v1

pattern := `(?i)(sast|dast|dependency[_-]scanning|secret[_-]detection|container[_-]scanning|license[_-]scanning|fuzz|trivy|grype|snyk|semgrep|gitleaks|tollgate|security|audit|codeql|bandit|gosec)`

deny contains res if {
	some j in gitlab.jobs
	iac.is_true(j.job.allow_failure)
	security_job(j)
	res := iac.result_key(sprintf("security job %s has allow_failure: true", [j.id]), j.job, "allow_failure", j.id)
}

security_job(j) if regex.match(pattern, j.id)

security_job(j) if {
	some e in iac.as_list(object.get(j.job, "extends", null))
	regex.match(pattern, e)
}
