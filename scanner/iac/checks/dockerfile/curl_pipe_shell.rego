# METADATA
# title: Remote script piped to a shell
# description: >-
#   curl/wget output piped into a shell runs whatever the server (or anyone on the path)
#   returns, with no integrity check.
# scope: package
# custom:
#   id: TG-DOCKER-0007
#   severity: HIGH
#   frameworks: [dockerfile]
#   remediation: >-
#     Download the script, verify its checksum or signature, then run it.
#   references:
#     - https://docs.docker.com/build/building/best-practices/
#   cwe: [CWE-494]
package tollgate.iac.dockerfile.curl_pipe_shell

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some r in docker.runs
	regex.match(`(?i)(curl|wget)\b[^|;&]*\|\s*(sudo\s+)?(env\s+\S+\s+)?(ba|da|z|k|a)?sh\b|(ba|z)?sh\s+(-c\s+)?["(]?\s*(<\(|\$\()\s*(curl|wget)\b|(python3?|perl|ruby|node)\s+(-\s*)?<\(\s*(curl|wget)|(curl|wget)\b[^|;&]*\|\s*(sudo\s+)?(python3?|perl|ruby|node)\b`, r.text)
	res := docker.result("remote script piped into an interpreter", r)
}
