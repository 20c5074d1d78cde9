# METADATA
# title: ADD downloads a remote URL
# description: >-
#   ADD <url> fetches content at build time without integrity verification (unless --checksum
#   is given).
# scope: package
# custom:
#   id: TG-DOCKER-0005
#   peer_ids:
#     kics: [4b410d24-1cbe-4430-a632-62c9a931cf1c]
#   severity: MEDIUM
#   frameworks: [dockerfile]
#   remediation: >-
#     Download with curl/wget and verify a checksum or signature in a RUN step, or use ADD
#     --checksum=sha256:...
#   references:
#     - https://docs.docker.com/build/building/best-practices/#add-or-copy
#     - https://docs.docker.com/reference/dockerfile/#add
#   cwe: [CWE-494]
package tollgate.iac.dockerfile.add_remote_url

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some x in docker.cmds("add")
	some src in array.slice(x.ins.value, 0, count(x.ins.value) - 1)
	regex.match(`^(https?|ftp)://`, src)
	not checksum(x.ins)
	res := docker.result(sprintf("ADD downloads %s without a checksum", [src]), x)
}

checksum(ins) if {
	some f in ins.flags
	startswith(f, "--checksum")
}
