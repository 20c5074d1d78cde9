# METADATA
# title: sudo used in RUN
# description: >-
#   Builds run as root unless USER says otherwise; sudo in the image means it is installed and
#   configured, which gives any process a path to root.
# scope: package
# custom:
#   id: TG-DOCKER-0016
#   peer_ids:
#     trivy: [AVD-DS-0010]
#     checkov: [CKV2_DOCKER_1]
#     kics: [8ada6e80-0ade-439e-b176-0b28f6bce35a]
#   severity: MEDIUM
#   frameworks: [dockerfile]
#   remediation: >-
#     Run privileged steps before switching USER, and do not install sudo.
#   references:
#     - https://docs.docker.com/build/building/best-practices/#user
#   cwe: [CWE-250]
package tollgate.iac.dockerfile.sudo

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some r in docker.runs
	regex.match(`(^|[\s;&|(])sudo\s`, r.text)
	res := docker.result("RUN uses sudo", r)
}
