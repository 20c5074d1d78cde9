package tollgate.iac.github.workflow_run_artifact_test

import data.tollgate.iac.github.workflow_run_artifact as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"name": "ci", "on": {"workflow_run": {"workflows": ["ci"]}}, "jobs": {"d": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/download-artifact@0123456789abcdef0123456789abcdef01234567", "with": {"run-id": "${{ github.event.workflow_run.id }}", "github-token": "${{ secrets.GITHUB_TOKEN }}"}}, {"run": "./pr/run.sh"}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"name": "ci", "on": {"workflow_run": {"workflows": ["ci"]}}, "jobs": {"d": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/checkout@0123456789abcdef0123456789abcdef01234567", "with": {"ref": "${{ github.event.workflow_run.head_sha }}"}}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"build": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/checkout@0123456789abcdef0123456789abcdef01234567", "with": {"persist-credentials": false}}, {"name": "test", "run": "make test"}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"name": "ci", "on": {"workflow_run": {"workflows": ["ci"]}}, "jobs": {"d": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/download-artifact@0123456789abcdef0123456789abcdef01234567", "with": {"name": "dist"}}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) == 0
}
