# METADATA
# title: "Image runs as root: no USER in the final stage"
# description: >-
#   Without a USER instruction the container runs as root unless the orchestrator overrides
#   it; a compromise of the process is root inside the container.
# scope: package
# custom:
#   id: TG-DOCKER-0001
#   peer_ids:
#     trivy: [AVD-DS-0002]
#     checkov: [CKV_DOCKER_3]
#     kics: [fd54f200-402c-4333-a5a4-36ef6709af2f]
#   severity: MEDIUM
#   frameworks: [dockerfile]
#   remediation: >-
#     Create an unprivileged user and add USER <name or uid> to the final stage.
#   references:
#     - https://docs.docker.com/reference/dockerfile/#user
#     - https://docs.docker.com/build/building/best-practices/#user
#   cwe: [CWE-250]
package tollgate.iac.dockerfile.no_user

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	s := docker.final_stage
	not has_user(s)
	not nonroot_base(s)
	lower(s.base) != "scratch"
	res := docker.stage_result(sprintf("final stage %s has no USER instruction", [docker.stage_id(s)]), s)
}

has_user(s) if {
	some p in docker.lineage(s)
	some ins in p.instructions
	ins.cmd == "user"
}

# images built to run as non-root by default
nonroot_base(s) if {
	some p in docker.lineage(s)
	regex.match(`(?i)(nonroot|non-root|rootless)`, p.base)
}
