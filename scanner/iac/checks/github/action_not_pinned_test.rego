package tollgate.iac.github.action_not_pinned_test

import data.tollgate.iac.github.action_not_pinned as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"b": {"runs-on": "ubuntu-latest", "steps": [{"uses": "docker/login-action@v3"}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"b": {"runs-on": "ubuntu-latest", "steps": [{"uses": "some/action@main"}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) > 0
}

test_deny_2 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"call": {"uses": "org/repo/.github/workflows/w.yml@v1"}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) > 0
}

test_deny_3 if {
	res := check.deny with input as {"runs": {"using": "composite", "steps": [{"uses": "third/party@v2"}]}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"build": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/checkout@0123456789abcdef0123456789abcdef01234567", "with": {"persist-credentials": false}}, {"name": "test", "run": "make test"}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"b": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/setup-go@v5"}, {"uses": "docker/login-action@0123456789abcdef0123456789abcdef01234567"}, {"uses": "./.github/actions/local"}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) == 0
}
