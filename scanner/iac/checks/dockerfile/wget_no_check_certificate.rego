# METADATA
# title: wget disables TLS certificate verification
# description: >-
#   wget --no-check-certificate accepts any certificate, so the download can be replaced in
#   transit.
# scope: package
# custom:
#   id: TG-DOCKER-0022
#   peer_ids:
#     checkov: [CKV2_DOCKER_3]
#   severity: HIGH
#   frameworks: [dockerfile]
#   remediation: >-
#     Remove --no-check-certificate; install the right CA certificates instead.
#   references:
#     - https://www.gnu.org/software/wget/manual/wget.html#HTTPS-_0028SSL_002fTLS_0029-Options
#   cwe: [CWE-295]
package tollgate.iac.dockerfile.wget_no_check_certificate

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some r in docker.runs
	regex.match(`\bwget\b[^|;&]*--no-check-certificate`, r.text)
	res := docker.result("wget runs with --no-check-certificate", r)
}
