package tollgate.iac.gitlab.secret_echoed_test

import data.tollgate.iac.gitlab.secret_echoed as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": ["build"], "build": {"script": ["echo $DEPLOY_TOKEN"]}}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"stages": ["build"], "build": {"script": ["printenv"]}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"image": "alpine:3.20", "stages": ["build"], "variables": {"GIT_DEPTH": "10"}, "build": {"stage": "build", "image": "golang:1.22.5", "script": ["go build ./..."]}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"stages": ["build"], "build": {"script": ["echo \"$CI_COMMIT_SHA\"", "echo \"$DEPLOY_TOKEN\" | docker login -u ci --password-stdin"]}}
	count(res) == 0
}
