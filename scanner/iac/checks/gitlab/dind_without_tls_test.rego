package tollgate.iac.gitlab.dind_without_tls_test

import data.tollgate.iac.gitlab.dind_without_tls as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": ["build"], "build": {"image": "docker:27.1", "services": ["docker:27.1-dind"], "variables": {"DOCKER_TLS_CERTDIR": "", "DOCKER_HOST": "tcp://docker:2375"}, "script": ["docker build ."]}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"image": "alpine:3.20", "stages": ["build"], "variables": {"GIT_DEPTH": "10"}, "build": {"stage": "build", "image": "golang:1.22.5", "script": ["go build ./..."]}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"stages": ["build"], "build": {"image": "docker:27.1", "services": ["docker:27.1-dind"], "variables": {"DOCKER_TLS_CERTDIR": "/certs"}, "script": ["docker build ."]}}
	count(res) == 0
}
