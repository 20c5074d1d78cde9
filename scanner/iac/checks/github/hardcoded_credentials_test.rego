package tollgate.iac.github.hardcoded_credentials_test

import data.tollgate.iac.github.hardcoded_credentials as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"b": {"runs-on": "ubuntu-latest", "steps": [{"uses": "docker/login-action@0123456789abcdef0123456789abcdef01234567", "with": {"username": "me", "password": "hunter2-example"}}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"b": {"runs-on": "ubuntu-latest", "steps": []}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}, "env": {"API_TOKEN": "tok_example_123456"}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"build": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/checkout@0123456789abcdef0123456789abcdef01234567", "with": {"persist-credentials": false}}, {"name": "test", "run": "make test"}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"b": {"runs-on": "ubuntu-latest", "steps": [{"uses": "docker/login-action@0123456789abcdef0123456789abcdef01234567", "with": {"username": "me", "password": "${{ secrets.DOCKER_PASSWORD }}"}}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}, "env": {"TOKEN_URL": "https://example.com/t"}}
	count(res) == 0
}
