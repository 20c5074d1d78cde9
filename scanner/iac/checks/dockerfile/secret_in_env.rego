# METADATA
# title: Secret set with ENV
# description: >-
#   ENV values are stored in the image configuration: anyone who can pull the image can read
#   the secret with docker inspect.
# scope: package
# custom:
#   id: TG-DOCKER-0017
#   peer_ids:
#     trivy: [AVD-DS-0031]
#   severity: HIGH
#   frameworks: [dockerfile]
#   remediation: >-
#     Pass secrets at runtime (orchestrator secrets, mounted files) or at build time with RUN
#     --mount=type=secret.
#   references:
#     - https://docs.docker.com/build/building/secrets/
#   cwe: [CWE-798]
package tollgate.iac.dockerfile.secret_in_env

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some x in docker.cmds("env")
	some pair in docker.env_pairs(x.ins)
	regex.match(`(?i)(passw(or)?d|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|credential|client[_-]?secret|auth[_-]?key)`, pair[0])
	not regex.match(`(?i)(_file|_path|_dir|_name|_id|_url|_uri|_endpoint|_header|_ttl|_expiry|_length|_timeout|_enabled|_type|_mode|_len|_size|_ref|_secret_name|_version)$`, pair[0])
	is_string(pair[1])
	count(pair[1]) >= 4
	not regex.match(`^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$`, pair[1])
	not lower(pair[1]) in {"true", "false", "none", "null", "changeme"}
	res := docker.result(sprintf("ENV %s holds a literal secret", [pair[0]]), x)
}
