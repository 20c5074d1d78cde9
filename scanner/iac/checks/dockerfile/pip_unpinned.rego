# METADATA
# title: pip packages installed without pinned versions
# description: >-
#   pip install pkg resolves the newest release at build time; a compromised or breaking
#   release lands unreviewed.
# scope: package
# custom:
#   id: TG-DOCKER-0013
#   peer_ids:
#     kics: [02d9c71f-3ee8-4986-9c27-1a20d0d19bfc]
#   severity: LOW
#   frameworks: [dockerfile]
#   remediation: >-
#     Pin with pkg==1.2.3, or install from a requirements/lock file with hashes (pip install
#     --require-hashes -r requirements.txt).
#   references:
#     - https://pip.pypa.io/en/stable/topics/secure-installs/
#   cwe: [CWE-1357]
package tollgate.iac.dockerfile.pip_unpinned

import data.lib.iac
import data.lib.docker
import rego.v1

with_arg := {"-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url", "--trusted-host", "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--platform", "--python-version", "--implementation", "--abi", "--no-binary", "--only-binary", "--src", "--upgrade-strategy", "--cache-dir", "--log", "--progress-bar", "--proxy", "--cert", "--client-cert"}

bootstrap := {"pip", "setuptools", "wheel", "pipenv", "poetry", "uv"}

deny contains res if {
	some r in docker.runs
	some seg in docker.segments(r.text)
	toks := docker.tokens(seg)
	some i, t in toks
	t == "install"
	i > 0
	regex.match(`^(pip|pip3|pip3\.\d+)$|/pip3?$`, toks[i - 1])
	rest := array.slice(toks, i + 1, count(toks))
	unpinned := [p |
		some j, p in rest
		not startswith(p, "-")
		not after_option(rest, j)
		not pinned(p)
		not lower(p) in bootstrap
	]
	count(unpinned) > 0
	res := docker.result(sprintf("pip packages without a pinned version: %s", [concat(", ", unpinned)]), r)
}

after_option(rest, j) if {
	j > 0
	rest[j - 1] in with_arg
}

pinned(p) if contains(p, "==")

pinned(p) if contains(p, "@")

pinned(p) if regex.match(`^(\.|/|\$)|://|\.(whl|tar\.gz|zip)$`, p)
