# METADATA
# title: Package signature verification disabled
# description: >-
#   --allow-unauthenticated, --nogpgcheck, --allow-untrusted and similar flags install
#   packages whose signatures were not verified.
# scope: package
# custom:
#   id: TG-DOCKER-0027
#   peer_ids:
#     checkov: [CKV2_DOCKER_7, CKV2_DOCKER_8, CKV2_DOCKER_9, CKV2_DOCKER_10, CKV2_DOCKER_11]
#   severity: HIGH
#   frameworks: [dockerfile]
#   remediation: >-
#     Remove the flag and import the repository's signing key instead.
#   references:
#     - https://wiki.debian.org/SecureApt
#   cwe: [CWE-347]
package tollgate.iac.dockerfile.package_signature_disabled

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some r in docker.runs
	regex.match(`--allow-unauthenticated|--force-yes|AllowUnauthenticated[= ]+["']?true|--nogpgcheck|gpgcheck\s*=\s*0|--allow-untrusted|rpm\s+[^;&|]*--nosignature|--no-gpg-checks|\[trusted=yes\]`, r.text)
	res := docker.result("packages are installed without signature verification", r)
}
