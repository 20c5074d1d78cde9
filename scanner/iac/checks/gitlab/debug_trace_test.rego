package tollgate.iac.gitlab.debug_trace_test

import data.tollgate.iac.gitlab.debug_trace as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": ["build"], "variables": {"CI_DEBUG_TRACE": "true"}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"image": "alpine:3.20", "stages": ["build"], "variables": {"GIT_DEPTH": "10"}, "build": {"stage": "build", "image": "golang:1.22.5", "script": ["go build ./..."]}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"stages": ["build"], "variables": {"CI_DEBUG_TRACE": "false"}}
	count(res) == 0
}
