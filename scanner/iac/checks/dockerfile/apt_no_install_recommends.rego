# METADATA
# title: apt installs recommended packages
# description: >-
#   Without --no-install-recommends apt-get install also pulls every recommended package: more
#   code in the image, more vulnerabilities to patch, for nothing the build asked for.
# scope: package
# custom:
#   id: TG-DOCKER-0031
#   peer_ids:
#     trivy: [AVD-DS-0029]
#     kics: [7384dfb2-fcd1-4fbf-91cd-6c44c318c33c]
#   severity: LOW
#   frameworks: [dockerfile]
#   remediation: >-
#     Add --no-install-recommends to apt-get install (or set APT::Install-Recommends "false" in
#     the image's apt configuration and pass -o APT::Install-Recommends=false).
#   references:
#     - https://docs.docker.com/build/building/best-practices/#apt-get
#   cwe: [CWE-1104]
package tollgate.iac.dockerfile.apt_no_install_recommends

import data.lib.docker
import rego.v1

deny contains res if {
	some r in docker.final_runs
	some seg in docker.segments(r.text)
	toks := docker.tokens(seg)
	some i, t in toks
	t == "install"
	i > 0
	toks[i - 1] in {"apt-get", "apt"}
	not _no_recommends(toks)
	res := docker.result("apt-get install without --no-install-recommends", r)
}

_no_recommends(toks) if "--no-install-recommends" in toks

_no_recommends(toks) if {
	some t in toks
	regex.match(`(?i)^(-o)?APT::Install-Recommends=("?)(false|0)("?)$`, t)
}
