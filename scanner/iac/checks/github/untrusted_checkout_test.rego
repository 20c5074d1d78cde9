package tollgate.iac.github.untrusted_checkout_test

import data.tollgate.iac.github.untrusted_checkout as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"name": "ci", "on": {"pull_request_target": {}}, "jobs": {"t": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/checkout@0123456789abcdef0123456789abcdef01234567", "with": {"ref": "${{ github.event.pull_request.head.sha }}"}}, {"run": "npm ci && npm test"}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"name": "ci", "on": ["issue_comment"], "jobs": {"t": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/checkout@0123456789abcdef0123456789abcdef01234567", "with": {"ref": "refs/pull/${{ github.event.issue.number }}/head"}}, {"run": "make"}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"build": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/checkout@0123456789abcdef0123456789abcdef01234567", "with": {"persist-credentials": false}}, {"name": "test", "run": "make test"}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"name": "ci", "on": {"pull_request_target": {}}, "jobs": {"t": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/checkout@0123456789abcdef0123456789abcdef01234567"}, {"run": "make"}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) == 0
}

test_pass_2 if {
	res := check.deny with input as {"name": "ci", "on": ["pull_request"], "jobs": {"t": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/checkout@0123456789abcdef0123456789abcdef01234567", "with": {"ref": "${{ github.event.pull_request.head.sha }}"}}, {"run": "make"}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) == 0
}
