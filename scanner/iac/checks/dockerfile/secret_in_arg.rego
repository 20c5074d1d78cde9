# METADATA
# title: Secret passed as a build argument
# description: >-
#   Build arguments are recorded in the image history (docker history) and in build caches; a
#   default value is also in the Dockerfile itself.
# scope: package
# custom:
#   id: TG-DOCKER-0018
#   peer_ids:
#     trivy: [AVD-DS-0031]
#   severity: HIGH
#   frameworks: [dockerfile]
#   remediation: >-
#     Use RUN --mount=type=secret,id=... and pass the secret with --secret at build time.
#   references:
#     - https://docs.docker.com/build/building/secrets/
#     - https://docs.docker.com/reference/dockerfile/#arg
#   cwe: [CWE-798]
package tollgate.iac.dockerfile.secret_in_arg

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some x in docker.cmds("arg")
	some v in x.ins.value
	name := split(v, "=")[0]
	regex.match(`(?i)(passw(or)?d|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|credential|client[_-]?secret|auth[_-]?key)`, name)
	not regex.match(`(?i)(_file|_path|_dir|_name|_id|_url|_uri|_endpoint|_header|_ttl|_expiry|_length|_timeout|_enabled|_type|_mode|_len|_size|_ref|_secret_name|_version)$`, name)
	res := docker.result(sprintf("build argument %s carries a secret", [name]), x)
}
