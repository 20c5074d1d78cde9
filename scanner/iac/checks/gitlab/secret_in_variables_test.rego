package tollgate.iac.gitlab.secret_in_variables_test

import data.tollgate.iac.gitlab.secret_in_variables as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": ["build"], "variables": {"DB_PASSWORD": "hunter2-example"}}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"stages": ["build"], "deploy": {"variables": {"API_TOKEN": {"value": "glpat-example-0000000000", "description": "x"}}, "script": ["x"]}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"image": "alpine:3.20", "stages": ["build"], "variables": {"GIT_DEPTH": "10"}, "build": {"stage": "build", "image": "golang:1.22.5", "script": ["go build ./..."]}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"stages": ["build"], "variables": {"DB_PASSWORD": "$VAULT_DB_PASSWORD", "TOKEN_URL": "https://example.com"}}
	count(res) == 0
}
