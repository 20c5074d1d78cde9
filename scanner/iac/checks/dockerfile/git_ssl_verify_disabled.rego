# METADATA
# title: git TLS verification disabled
# description: >-
#   http.sslVerify=false or GIT_SSL_NO_VERIFY makes git accept any certificate when cloning,
#   so code can be swapped in transit.
# scope: package
# custom:
#   id: TG-DOCKER-0025
#   peer_ids:
#     checkov: [CKV2_DOCKER_14]
#   severity: HIGH
#   frameworks: [dockerfile]
#   remediation: >-
#     Remove the setting; configure http.sslCAInfo for a private CA.
#   references:
#     - https://git-scm.com/docs/git-config#Documentation/git-config.txt-httpsslVerify
#   cwe: [CWE-295]
package tollgate.iac.dockerfile.git_ssl_verify_disabled

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some r in docker.runs
	regex.match(`(?i)http\.sslverify[= ]+["']?false|GIT_SSL_NO_VERIFY=["']?(1|true)`, r.text)
	res := docker.result("git runs with TLS verification disabled", r)
}

deny contains res if {
	some x in docker.cmds("env")
	some pair in docker.env_pairs(x.ins)
	pair[0] == "GIT_SSL_NO_VERIFY"
	not lower(pair[1]) in {"", "0", "false"}
	res := docker.result("ENV GIT_SSL_NO_VERIFY disables TLS verification for git", x)
}
