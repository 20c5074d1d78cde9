# METADATA
# title: World-writable permissions set
# description: >-
#   chmod 777 (or o+w) lets any user in the container modify the files, including the
#   application's own code.
# scope: package
# custom:
#   id: TG-DOCKER-0028
#   severity: MEDIUM
#   frameworks: [dockerfile]
#   remediation: >-
#     Grant the narrowest mode needed (e.g. 755 for directories, 644 for files) and chown to the
#     runtime user.
#   references:
#     - https://docs.docker.com/build/building/best-practices/
#   cwe: [CWE-732]
package tollgate.iac.dockerfile.chmod_777

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some r in docker.runs
	regex.match(`\bchmod\s+(-[a-zA-Z]+\s+)*(0?777|[0-7]?[0-7][0-7][2367]|a\+w|o\+w|\S*o[+=]r?w|a=rwx)\b`, r.text)
	res := docker.result("chmod makes files world-writable", r)
}
