# METADATA
# title: Image exposes SSH port 22
# description: >-
#   Running an SSH server in a container adds an attack surface and credentials to manage; use
#   docker exec / kubectl exec instead.
# scope: package
# custom:
#   id: TG-DOCKER-0019
#   peer_ids:
#     trivy: [AVD-DS-0004]
#     checkov: [CKV_DOCKER_1]
#     kics: [5907595b-5b6d-4142-b173-dbb0e73fbff8]
#   severity: MEDIUM
#   frameworks: [dockerfile]
#   remediation: >-
#     Remove EXPOSE 22 and the SSH server.
#   references:
#     - https://docs.docker.com/reference/dockerfile/#expose
#   cwe: [CWE-284]
package tollgate.iac.dockerfile.expose_ssh

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some x in docker.cmds("expose")
	some p in x.ins.value
	split(p, "/")[0] == "22"
	res := docker.result("EXPOSE 22 (SSH)", x)
}
