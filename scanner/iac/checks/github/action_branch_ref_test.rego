package tollgate.iac.github.action_branch_ref_test

import data.tollgate.iac.github.action_branch_ref as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"b": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/checkout@main"}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"build": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/checkout@0123456789abcdef0123456789abcdef01234567", "with": {"persist-credentials": false}}, {"name": "test", "run": "make test"}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"b": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/checkout@v4"}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) == 0
}
