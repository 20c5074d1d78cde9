# METADATA
# title: Privileged workflow checks out and runs pull request code
# description: >-
#   pull_request_target, issue_comment and similar triggers run with the base repository's
#   secrets and a write token; checking out the pull request's head and then building or
#   running it hands both to the author of the pull request (a "pwn request").
# scope: package
# custom:
#   id: TG-GHA-0003
#   severity: CRITICAL
#   frameworks: [github-actions]
#   remediation: >-
#     Use the pull_request trigger for building untrusted code, or split the work: build in
#     pull_request and consume results in a separate privileged workflow without executing them.
#   references:
#     - https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/
#     - https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions
#   cwe: [CWE-829, CWE-94]
package tollgate.iac.github.untrusted_checkout

import data.lib.iac
import data.lib.gha
import rego.v1

pr_head := `github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref|refs/pull/|github\.event\.issue\.number|github\.event\.number|pull_request\.head\.repo\.full_name|head_sha|head\.sha|head_branch|merge_commit_sha`

deny contains res if {
	some t in gha.triggers
	t in {"pull_request_target", "issue_comment", "pull_request_review", "pull_request_review_comment"}
	some x in gha.steps
	gha.is_checkout(x.step)
	some key in ["ref", "repository"]
	v := x.step["with"][key]
	is_string(v)
	regex.match(pr_head, v)
	executes_after(x)
	res := iac.result_key(sprintf("%s workflow checks out pull request code (%s: %s) and runs it", [t, key, v]), x.step["with"], key, x.id)
}

# a later step of the same job runs something from the workspace
executes_after(x) if {
	some y in gha.steps
	y.job_id == x.job_id
	y.idx > x.idx
	executes(y.step)
}

executes(step) if gha.run_script(step) != ""

executes(step) if startswith(gha.uses(step), "./")

executes(step) if {
	some a in ["actions/setup-node", "actions/setup-python", "actions/setup-go", "actions/setup-java", "docker/build-push-action", "gradle/", "borales/actions-yarn"]
	startswith(gha.action_name(gha.uses(step)), a)
}
