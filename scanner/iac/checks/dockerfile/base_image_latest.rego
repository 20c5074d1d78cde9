# METADATA
# title: Base image uses the latest tag
# description: >-
#   FROM image:latest builds from whatever the tag points at today: builds are not
#   reproducible and a bad upstream push lands silently.
# scope: package
# custom:
#   id: TG-DOCKER-0003
#   peer_ids:
#     trivy: [AVD-DS-0001]
#     checkov: [CKV_DOCKER_7]
#     kics: [f45ea400-6bbe-4501-9fc7-1c3d75c32067]
#   severity: MEDIUM
#   frameworks: [dockerfile]
#   remediation: >-
#     Pin the base image to a version tag, ideally with its digest.
#   references:
#     - https://docs.docker.com/build/building/best-practices/#from
#     - https://docs.docker.com/reference/dockerfile/#from
#   cwe: [CWE-829]
package tollgate.iac.dockerfile.base_image_latest

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some s in docker.stages
	docker.external_base(s)
	docker.image_tag(s.base) == "latest"
	res := docker.stage_result(sprintf("stage %s uses base image %s", [docker.stage_id(s), s.base]), s)
}
