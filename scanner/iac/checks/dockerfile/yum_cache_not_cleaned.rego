# METADATA
# title: yum/dnf cache left in the image
# description: >-
#   yum/dnf install keeps downloaded metadata and packages in the image layer unless cleaned
#   in the same RUN.
# scope: package
# custom:
#   id: TG-DOCKER-0012
#   peer_ids:
#     trivy: [AVD-DS-0015, AVD-DS-0019]
#     kics: [00481784-25aa-4a55-8633-3136dfcf4f37, 295acb63-9246-4b21-b441-7c1f1fb62dc0]
#   severity: LOW
#   frameworks: [dockerfile]
#   remediation: >-
#     End the same RUN with yum clean all (dnf clean all) or remove /var/cache/yum
#     (/var/cache/dnf).
#   references:
#     - https://docs.docker.com/build/building/best-practices/
#   cwe: [CWE-1164]
package tollgate.iac.dockerfile.yum_cache_not_cleaned

import data.lib.iac
import data.lib.docker
import rego.v1

deny contains res if {
	some r in docker.final_runs
	regex.match(`\b(yum|dnf|microdnf|tdnf)\s+([^&;|]*\s)?install\b`, r.text)
	not regex.match(`\b(yum|dnf|microdnf|tdnf)\s+clean\s+all|/var/cache/(yum|dnf)`, r.text)
	not docker.uses_cache_mount(r.ins)
	res := docker.result("yum/dnf install without clean all in the same RUN", r)
}
