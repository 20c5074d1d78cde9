# METADATA
# title: apt packages installed without pinned versions
# description: >-
#   apt-get install pkg takes whatever version the mirror serves at build time; builds are not
#   reproducible and an upstream change lands unreviewed.
# scope: package
# custom:
#   id: TG-DOCKER-0008
#   peer_ids:
#     kics: [965a08d7-ef86-4f14-8792-4a3b2098937e]
#   severity: LOW
#   frameworks: [dockerfile]
#   remediation: >-
#     Pin versions (apt-get install pkg=1.2.3-1) or build from a pinned, dated base image
#     snapshot.
#   references:
#     - https://docs.docker.com/build/building/best-practices/#apt-get
#   cwe: [CWE-1357]
package tollgate.iac.dockerfile.apt_unpinned

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some r in docker.runs
	some seg in docker.segments(r.text)
	toks := docker.tokens(seg)
	some i, t in toks
	t == "install"
	i > 0
	regex.match(`^(apt-get|apt)$`, toks[i - 1])
	unpinned := [p | some p in array.slice(toks, i + 1, count(toks)); not startswith(p, "-"); not contains(p, "="); not contains(p, "$"); not endswith(p, ".deb")]
	count(unpinned) > 0
	res := docker.result(sprintf("apt packages without a pinned version: %s", [concat(", ", unpinned)]), r)
}
