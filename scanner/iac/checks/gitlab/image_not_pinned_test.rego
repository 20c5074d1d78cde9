package tollgate.iac.gitlab.image_not_pinned_test

import data.tollgate.iac.gitlab.image_not_pinned as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": ["build"], "image": "node:latest"}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"stages": ["build"], "build": {"image": {"name": "python"}, "script": ["x"]}}
	count(res) > 0
}

test_deny_2 if {
	res := check.deny with input as {"stages": ["build"], "build": {"services": ["postgres"], "script": ["x"]}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"image": "alpine:3.20", "stages": ["build"], "variables": {"GIT_DEPTH": "10"}, "build": {"stage": "build", "image": "golang:1.22.5", "script": ["go build ./..."]}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"stages": ["build"], "build": {"image": "${CI_REGISTRY_IMAGE}/builder", "script": ["x"]}}
	count(res) == 0
}
