package tollgate.iac.github.unsecure_commands_test

import data.tollgate.iac.github.unsecure_commands as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"b": {"runs-on": "ubuntu-latest", "steps": []}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}, "env": {"ACTIONS_ALLOW_UNSECURE_COMMANDS": true}}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"b": {"runs-on": "ubuntu-latest", "steps": [{"run": "echo x", "env": {"ACTIONS_ALLOW_UNSECURE_COMMANDS": "true"}}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"build": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/checkout@0123456789abcdef0123456789abcdef01234567", "with": {"persist-credentials": false}}, {"name": "test", "run": "make test"}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) == 0
}
