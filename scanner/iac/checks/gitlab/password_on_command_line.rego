# METADATA
# title: Password passed on the command line in CI
# description: >-
#   docker login -p / --password (and similar) put the secret in the process list and, with
#   shell tracing, in the job log; docker itself warns against it.
# scope: package
# custom:
#   id: TG-GITLAB-0010
#   severity: MEDIUM
#   frameworks: [gitlab-ci]
#   remediation: >-
#     Pipe the secret on stdin: echo "$CI_REGISTRY_PASSWORD" | docker login -u
#     "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY".
#   references:
#     - https://docs.docker.com/reference/cli/docker/login/#password-stdin
#   cwe: [CWE-214]
package tollgate.iac.gitlab.password_on_command_line

import data.lib.iac
import data.lib.gitlab
import rego.v1

deny contains res if {
	some s in gitlab.scripts
	regex.match(`\b(docker|podman|buildah|helm\s+registry|skopeo)\s+login\b[^|;&]*\s(-p|--password)(\s|=)`, s.line)
	res := iac.result_key(sprintf("%s passes a registry password on the command line", [s.id]), s.obj, s.key, s.id)
}
