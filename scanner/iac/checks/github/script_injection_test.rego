package tollgate.iac.github.script_injection_test

import data.tollgate.iac.github.script_injection as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"name": "ci", "on": ["pull_request"], "jobs": {"t": {"runs-on": "ubuntu-latest", "steps": [{"run": "echo \"${{ github.event.pull_request.title }}\""}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"name": "ci", "on": ["issue_comment"], "jobs": {"t": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/github-script@0123456789abcdef0123456789abcdef01234567", "with": {"script": "console.log('${{ github.event.comment.body }}')"}}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) > 0
}

test_deny_2 if {
	res := check.deny with input as {"runs": {"using": "composite", "steps": [{"run": "git checkout ${{ github.head_ref }}", "shell": "bash"}]}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"build": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/checkout@0123456789abcdef0123456789abcdef01234567", "with": {"persist-credentials": false}}, {"name": "test", "run": "make test"}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"name": "ci", "on": ["pull_request"], "jobs": {"t": {"runs-on": "ubuntu-latest", "steps": [{"run": "echo \"$TITLE\" ${{ github.event.pull_request.number }}", "env": {"TITLE": "${{ github.event.pull_request.title }}"}}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) == 0
}
