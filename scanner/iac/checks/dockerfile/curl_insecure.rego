# METADATA
# title: curl disables TLS certificate verification
# description: >-
#   curl -k / --insecure accepts any certificate, so anyone on the network path can replace
#   the download.
# scope: package
# custom:
#   id: TG-DOCKER-0021
#   peer_ids:
#     checkov: [CKV2_DOCKER_2]
#   severity: HIGH
#   frameworks: [dockerfile]
#   remediation: >-
#     Remove -k/--insecure; install the right CA certificates instead.
#   references:
#     - https://curl.se/docs/manpage.html#-k
#   cwe: [CWE-295]
package tollgate.iac.dockerfile.curl_insecure

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some r in docker.runs
	regex.match(`\bcurl\b[^|;&]*\s(-k\b|--insecure\b|-[a-zA-Z]*k[a-zA-Z]*\b)`, r.text)
	res := docker.result("curl runs with TLS verification disabled (-k/--insecure)", r)
}
