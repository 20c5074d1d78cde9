# METADATA
# title: Docker-in-Docker service without TLS
# description: >-
#   With DOCKER_TLS_CERTDIR empty or DOCKER_HOST pointing at tcp://...:2375, the privileged
#   dind daemon listens unauthenticated; any container on the network can take it over.
# scope: package
# custom:
#   id: TG-GITLAB-0004
#   severity: HIGH
#   frameworks: [gitlab-ci]
#   remediation: >-
#     Keep TLS on: DOCKER_TLS_CERTDIR: "/certs" and DOCKER_HOST: tcp://docker:2376.
#   references:
#     - https://docs.gitlab.com/ci/docker/using_docker_build/#docker-in-docker-with-tls-enabled-in-the-docker-executor
#   cwe: [CWE-319]
package tollgate.iac.gitlab.dind_without_tls

import data.lib.iac
import data.lib.gitlab
import rego.v1

deny contains res if {
	uses_dind
	some v in gitlab.variables
	insecure(v)
	res := iac.result_key(sprintf("Docker-in-Docker runs without TLS (%s: %q)", [v.name, v.value]), v.obj, v.name, v.id)
}

uses_dind if {
	some i in gitlab.images
	contains(i.image, "dind")
}

insecure(v) if {
	v.name == "DOCKER_TLS_CERTDIR"
	v.value == ""
}

insecure(v) if {
	v.name == "DOCKER_HOST"
	regex.match(`^tcp://[^/]*:2375/?$`, v.value)
}
