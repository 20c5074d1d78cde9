# METADATA
# title: apk packages installed without pinned versions
# description: >-
#   apk add pkg installs whatever the repository serves at build time.
# scope: package
# custom:
#   id: TG-DOCKER-0011
#   peer_ids:
#     kics: [d3499f6d-1651-41bb-a9a7-de925fea487b]
#   severity: LOW
#   frameworks: [dockerfile]
#   remediation: >-
#     Pin versions with pkg=1.2.3-r0 (or pkg~1.2).
#   references:
#     - https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper
#   cwe: [CWE-1357]
package tollgate.iac.dockerfile.apk_unpinned

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some r in docker.runs
	some seg in docker.segments(r.text)
	toks := docker.tokens(seg)
	some i, t in toks
	t == "add"
	i > 0
	"apk" in array.slice(toks, 0, i)
	unpinned := [p | some p in array.slice(toks, i + 1, count(toks)); not startswith(p, "-"); not contains(p, "="); not contains(p, "~"); not contains(p, "$"); not is_option_value(toks, p)]
	count(unpinned) > 0
	res := docker.result(sprintf("apk packages without a pinned version: %s", [concat(", ", unpinned)]), r)
}

# values of options that take an argument (--virtual .build-deps, -X repo)
is_option_value(toks, p) if {
	some j, t in toks
	t == p
	j > 0
	toks[j - 1] in {"-t", "--virtual", "-X", "--repository", "--root", "-p", "--arch"}
}
