package tollgate.iac.gitlab.tls_verification_disabled_test

import data.tollgate.iac.gitlab.tls_verification_disabled as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": ["build"], "build": {"script": ["curl -k https://example.com/x"]}}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"stages": ["build"], "variables": {"GIT_SSL_NO_VERIFY": "true"}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"image": "alpine:3.20", "stages": ["build"], "variables": {"GIT_DEPTH": "10"}, "build": {"stage": "build", "image": "golang:1.22.5", "script": ["go build ./..."]}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"stages": ["build"], "build": {"script": ["curl -fsSL --cacert $CA https://example.com/x"]}}
	count(res) == 0
}
