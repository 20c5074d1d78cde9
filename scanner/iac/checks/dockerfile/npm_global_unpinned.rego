# METADATA
# title: Global npm package installed without a version
# description: >-
#   npm install -g pkg installs the newest release at build time, outside any lockfile.
# scope: package
# custom:
#   id: TG-DOCKER-0015
#   peer_ids:
#     kics: [e36d8880-3f78-4546-b9a1-12f0745ca0d5]
#   severity: LOW
#   frameworks: [dockerfile]
#   remediation: >-
#     Pin global packages (npm install -g pkg@1.2.3) or install from package.json with npm ci.
#   references:
#     - https://docs.npmjs.com/cli/commands/npm-install
#   cwe: [CWE-1357]
package tollgate.iac.dockerfile.npm_global_unpinned

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some r in docker.runs
	some seg in docker.segments(r.text)
	toks := docker.tokens(seg)
	some i, t in toks
	t in {"install", "i", "add"}
	i > 0
	toks[i - 1] in {"npm", "pnpm"}
	some g in toks
	g in {"-g", "--global"}
	unpinned := [p | some p in array.slice(toks, i + 1, count(toks)); not startswith(p, "-"); not regex.match(`^@?[^@]+@.+$`, p); not contains(p, "$")]
	count(unpinned) > 0
	res := docker.result(sprintf("global npm packages without a version: %s", [concat(", ", unpinned)]), r)
}
