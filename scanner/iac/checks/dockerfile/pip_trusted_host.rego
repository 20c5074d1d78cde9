# METADATA
# title: pip trusts a host without TLS verification
# description: >-
#   --trusted-host (or PIP_TRUSTED_HOST) makes pip skip certificate checks for that index, so
#   packages can be swapped in transit.
# scope: package
# custom:
#   id: TG-DOCKER-0023
#   peer_ids:
#     checkov: [CKV2_DOCKER_4, CKV2_DOCKER_16]
#   severity: HIGH
#   frameworks: [dockerfile]
#   remediation: >-
#     Remove --trusted-host and serve the index over verified HTTPS (add its CA with --cert if
#     private).
#   references:
#     - https://pip.pypa.io/en/stable/cli/pip/#cmdoption-trusted-host
#   cwe: [CWE-295]
package tollgate.iac.dockerfile.pip_trusted_host

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some r in docker.runs
	regex.match(`\bpip3?(\.\d+)?\b[^;&|]*--trusted-host\b|pip3? config set [^;&|]*trusted-host`, r.text)
	res := docker.result("pip runs with --trusted-host", r)
}

deny contains res if {
	some x in docker.cmds("env")
	some pair in docker.env_pairs(x.ins)
	pair[0] == "PIP_TRUSTED_HOST"
	res := docker.result("ENV PIP_TRUSTED_HOST disables TLS verification for pip", x)
}
