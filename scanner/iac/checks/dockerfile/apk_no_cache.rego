# METADATA
# title: apk cache left in the image
# description: >-
#   apk add without --no-cache leaves the package index in the image layer.
# scope: package
# custom:
#   id: TG-DOCKER-0010
#   peer_ids:
#     trivy: [AVD-DS-0025]
#     kics: [ae9c56a6-3ed1-4ac0-9b54-31267f51151d]
#   severity: LOW
#   frameworks: [dockerfile]
#   remediation: >-
#     Use apk add --no-cache.
#   references:
#     - https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper
#   cwe: [CWE-1164]
package tollgate.iac.dockerfile.apk_no_cache

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some r in docker.final_runs
	regex.match(`\bapk\s+([^&;|]*\s)?add\b`, r.text)
	not contains(r.text, "--no-cache")
	not contains(r.text, "/var/cache/apk")
	not docker.uses_cache_mount(r.ins)
	res := docker.result("apk add without --no-cache", r)
}
