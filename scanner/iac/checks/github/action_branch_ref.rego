# METADATA
# title: Action referenced by a branch
# description: >-
#   A branch reference (@main, @master) runs whatever was pushed last, even for GitHub-
#   maintained actions; releases are reviewed, branch heads are not.
# scope: package
# custom:
#   id: TG-GHA-0018
#   severity: LOW
#   frameworks: [github-actions]
#   remediation: >-
#     Reference a release tag or, better, a full commit SHA.
#   references:
#     - https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions
#   cwe: [CWE-829]
package tollgate.iac.github.action_branch_ref

import data.lib.iac
import data.lib.gha
import rego.v1

deny contains res if {
	some x in gha.steps
	u := gha.uses(x.step)
	lower(split(u, "/")[0]) in {"actions", "github"}
	lower(split(u, "@")[1]) in {"main", "master", "head", "develop", "dev", "trunk"}
	res := gha.step_result(sprintf("%s is referenced by a branch", [u]), x, "uses")
}
