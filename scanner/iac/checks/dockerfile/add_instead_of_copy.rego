# METADATA
# title: ADD used for local files
# description: >-
#   ADD silently extracts archives and follows remote URLs; for plain local files COPY is
#   explicit and predictable.
# scope: package
# custom:
#   id: TG-DOCKER-0006
#   peer_ids:
#     trivy: [AVD-DS-0005]
#     checkov: [CKV_DOCKER_4]
#     kics: [9513a694-aa0d-41d8-be61-3271e056f36b]
#   severity: LOW
#   frameworks: [dockerfile]
#   remediation: >-
#     Use COPY for local files and directories.
#   references:
#     - https://docs.docker.com/build/building/best-practices/#add-or-copy
#   cwe: [CWE-710]
package tollgate.iac.dockerfile.add_instead_of_copy

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some x in docker.cmds("add")
	srcs := array.slice(x.ins.value, 0, count(x.ins.value) - 1)
	count(srcs) > 0
	every src in srcs {
		not regex.match(`^(https?|ftp|git)://|^git@|\.git(#.*)?$`, src)
	}
	res := docker.result("ADD used for local files; use COPY", x)
}
