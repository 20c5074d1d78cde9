# METADATA
# title: Node.js TLS verification disabled
# description: >-
#   NODE_TLS_REJECT_UNAUTHORIZED=0 turns off certificate validation for every HTTPS request of
#   Node.js processes (npm included).
# scope: package
# custom:
#   id: TG-DOCKER-0024
#   peer_ids:
#     checkov: [CKV2_DOCKER_6]
#   severity: HIGH
#   frameworks: [dockerfile]
#   remediation: >-
#     Remove the variable; trust a private CA with NODE_EXTRA_CA_CERTS instead.
#   references:
#     - https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue
#   cwe: [CWE-295]
package tollgate.iac.dockerfile.node_tls_reject_unauthorized

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some x in docker.cmds("env")
	some pair in docker.env_pairs(x.ins)
	pair[0] == "NODE_TLS_REJECT_UNAUTHORIZED"
	trim(pair[1], `"'`) == "0"
	res := docker.result("ENV NODE_TLS_REJECT_UNAUTHORIZED=0 disables TLS verification", x)
}

deny contains res if {
	some r in docker.runs
	regex.match(`NODE_TLS_REJECT_UNAUTHORIZED=["']?0\b`, r.text)
	res := docker.result("NODE_TLS_REJECT_UNAUTHORIZED=0 disables TLS verification", r)
}
