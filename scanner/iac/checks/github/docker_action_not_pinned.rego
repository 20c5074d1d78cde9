# METADATA
# title: Docker action image not pinned by digest
# description: >-
#   uses: docker://image:tag pulls whatever the tag points at when the job runs.
# scope: package
# custom:
#   id: TG-GHA-0002
#   severity: LOW
#   frameworks: [github-actions]
#   remediation: >-
#     Reference the image by digest: docker://image@sha256:...
#   references:
#     - https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions
#   cwe: [CWE-829]
package tollgate.iac.github.docker_action_not_pinned

import data.lib.iac
import data.lib.gha
import rego.v1

deny contains res if {
	some x in gha.steps
	u := gha.uses(x.step)
	startswith(u, "docker://")
	not contains(u, "@sha256:")
	res := gha.step_result(sprintf("%s is not pinned by digest", [u]), x, "uses")
}
