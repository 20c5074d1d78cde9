# METADATA
# title: RUN step uses --security=insecure
# description: >-
#   RUN --security=insecure runs the build step with all privileges, like a privileged
#   container.
# scope: package
# custom:
#   id: TG-DOCKER-0029
#   severity: HIGH
#   frameworks: [dockerfile]
#   remediation: >-
#     Remove --security=insecure.
#   references:
#     - https://docs.docker.com/reference/dockerfile/#run---security
#   cwe: [CWE-250]
package tollgate.iac.dockerfile.run_security_insecure

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some r in docker.runs
	some f in r.ins.flags
	f == "--security=insecure"
	res := docker.result("RUN --security=insecure runs the step privileged", r)
}
