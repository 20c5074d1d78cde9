# METADATA
# title: apt package lists left in the image
# description: >-
#   apt-get update downloads package lists that stay in the final image layer: a bigger image
#   and stale metadata.
# scope: package
# custom:
#   id: TG-DOCKER-0009
#   peer_ids:
#     kics: [df746b39-6564-4fed-bf85-e9c44382303c]
#   severity: LOW
#   frameworks: [dockerfile]
#   remediation: >-
#     End the same RUN with rm -rf /var/lib/apt/lists/*, or use a cache mount.
#   references:
#     - https://docs.docker.com/build/building/best-practices/#apt-get
#   cwe: [CWE-1164]
package tollgate.iac.dockerfile.apt_lists_not_removed

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some r in docker.final_runs
	regex.match(`\bapt(-get)?\s+([^&;|]*\s)?install\b`, r.text)
	not contains(r.text, "/var/lib/apt/lists")
	not docker.uses_cache_mount(r.ins)
	res := docker.result("apt-get install without removing /var/lib/apt/lists in the same RUN", r)
}
