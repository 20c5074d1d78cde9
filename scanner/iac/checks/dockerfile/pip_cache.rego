# METADATA
# title: pip cache left in the image
# description: >-
#   pip keeps its wheel cache in the image layer unless --no-cache-dir (or PIP_NO_CACHE_DIR)
#   is used.
# scope: package
# custom:
#   id: TG-DOCKER-0014
#   peer_ids:
#     kics: [f2f903fb-b977-461e-98d7-b3e2185c6118]
#   severity: LOW
#   frameworks: [dockerfile]
#   remediation: >-
#     Use pip install --no-cache-dir, set ENV PIP_NO_CACHE_DIR=1, or a cache mount.
#   references:
#     - https://pip.pypa.io/en/stable/topics/caching/
#   cwe: [CWE-1164]
package tollgate.iac.dockerfile.pip_cache

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some r in docker.final_runs
	regex.match(`\bpip3?(\.\d+)?\s+install\b`, r.text)
	not contains(r.text, "--no-cache-dir")
	not contains(r.text, "PIP_NO_CACHE_DIR")
	not env_no_cache(r.stage)
	not docker.uses_cache_mount(r.ins)
	res := docker.result("pip install without --no-cache-dir", r)
}

env_no_cache(s) if {
	some ins in s.instructions
	ins.cmd == "env"
	"PIP_NO_CACHE_DIR" in ins.value
}
