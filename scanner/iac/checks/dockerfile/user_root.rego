# METADATA
# title: Final stage switches to the root user
# description: >-
#   The last USER instruction of the final stage is root (or UID 0), so the container runs as
#   root.
# scope: package
# custom:
#   id: TG-DOCKER-0002
#   peer_ids:
#     trivy: [AVD-DS-0002]
#     checkov: [CKV_DOCKER_8]
#     kics: [67fd0c4a-68cf-46d7-8c41-bc9fba7e40ae]
#   severity: HIGH
#   frameworks: [dockerfile]
#   remediation: >-
#     End the final stage with USER set to an unprivileged user.
#   references:
#     - https://docs.docker.com/reference/dockerfile/#user
#   cwe: [CWE-250]
package tollgate.iac.dockerfile.user_root

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	users := docker.final_cmds("user")
	count(users) > 0
	last := users[count(users) - 1]
	u := split(trim_space(docker.text(last.ins)), ":")[0]
	u in {"root", "0"}
	res := docker.result("the final stage runs as root (last USER is root)", last)
}
