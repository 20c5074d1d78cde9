# METADATA
# title: Base image has no tag or digest
# description: >-
#   FROM image without a tag or digest means latest.
# scope: package
# custom:
#   id: TG-DOCKER-0004
#   peer_ids:
#     trivy: [AVD-DS-0001]
#     checkov: [CKV_DOCKER_7]
#     kics: [9efb0b2d-89c9-41a3-91ca-dcc0aec911fd]
#   severity: MEDIUM
#   frameworks: [dockerfile]
#   remediation: >-
#     Pin the base image to a version tag, ideally with its digest.
#   references:
#     - https://docs.docker.com/build/building/best-practices/#from
#   cwe: [CWE-829]
package tollgate.iac.dockerfile.base_image_untagged

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some s in docker.stages
	docker.external_base(s)
	docker.image_tag(s.base) == ""
	not contains(s.base, "@")
	res := docker.stage_result(sprintf("stage %s uses untagged base image %s", [docker.stage_id(s), s.base]), s)
}
