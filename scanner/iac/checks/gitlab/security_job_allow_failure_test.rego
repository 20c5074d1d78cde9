package tollgate.iac.gitlab.security_job_allow_failure_test

import data.tollgate.iac.gitlab.security_job_allow_failure as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": ["build"], "semgrep": {"script": ["semgrep ci"], "allow_failure": true}}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"stages": ["build"], "scan": {"extends": ".trivy", "allow_failure": "true", "script": ["x"]}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"image": "alpine:3.20", "stages": ["build"], "variables": {"GIT_DEPTH": "10"}, "build": {"stage": "build", "image": "golang:1.22.5", "script": ["go build ./..."]}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"stages": ["build"], "lint": {"script": ["x"], "allow_failure": true}}
	count(res) == 0
}

test_pass_2 if {
	res := check.deny with input as {"stages": ["build"], "sast": {"script": ["x"]}}
	count(res) == 0
}
