# METADATA
# title: Third-party action not pinned to a commit SHA
# description: >-
#   A tag or branch of a third-party action can be moved by its owner (or by whoever
#   compromises it) to run arbitrary code in your workflow with its secrets and token.
# scope: package
# custom:
#   id: TG-GHA-0001
#   peer_ids:
#     kics: [555ab8f9-2001-455e-a077-f2d0f41e2fb9]
#   severity: MEDIUM
#   frameworks: [github-actions]
#   remediation: >-
#     Pin third-party actions and reusable workflows to a full 40-character commit SHA (keep the
#     version in a comment, e.g. uses: owner/action@<sha> # v1.2.3).
#   references:
#     - https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions
#   cwe: [CWE-829]
package tollgate.iac.github.action_not_pinned

import data.lib.iac
import data.lib.gha
import rego.v1

trusted_owners := {"actions", "github"}

deny contains res if {
	some x in gha.steps
	u := gha.uses(x.step)
	third_party(u)
	not pinned(u)
	res := gha.step_result(sprintf("%s is not pinned to a full commit SHA", [u]), x, "uses")
}

deny contains res if {
	some j in gha.jobs
	u := j.job.uses
	is_string(u)
	third_party(u)
	not pinned(u)
	res := gha.job_result(sprintf("reusable workflow %s is not pinned to a full commit SHA", [u]), j, "uses")
}

third_party(u) if {
	u != ""
	not startswith(u, "./")
	not startswith(u, "docker://")
	owner := lower(split(u, "/")[0])
	not owner in trusted_owners
}

pinned(u) if regex.match(`@[0-9a-f]{40}$`, u)
