# METADATA
# title: Final stage has no HEALTHCHECK
# description: >-
#   Without a HEALTHCHECK the runtime cannot tell a hung container from a healthy one
#   (orchestrators with their own probes do not need it).
# scope: package
# custom:
#   id: TG-DOCKER-0020
#   peer_ids:
#     trivy: [AVD-DS-0026]
#     checkov: [CKV_DOCKER_2]
#     kics: [b03a748a-542d-44f4-bb86-9199ab4fd2d5]
#   severity: LOW
#   frameworks: [dockerfile]
#   remediation: >-
#     Add HEALTHCHECK CMD <command> to the final stage, or HEALTHCHECK NONE to state it is
#     deliberate.
#   references:
#     - https://docs.docker.com/reference/dockerfile/#healthcheck
#   cwe: [CWE-754]
package tollgate.iac.dockerfile.missing_healthcheck

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	s := docker.final_stage
	not has_healthcheck(s)
	res := docker.stage_result(sprintf("final stage %s has no HEALTHCHECK", [docker.stage_id(s)]), s)
}

has_healthcheck(s) if {
	some p in docker.lineage(s)
	some ins in p.instructions
	ins.cmd == "healthcheck"
}
