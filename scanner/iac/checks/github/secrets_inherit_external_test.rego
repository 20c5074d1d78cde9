package tollgate.iac.github.secrets_inherit_external_test

import data.tollgate.iac.github.secrets_inherit_external as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"call": {"uses": "other-org/workflows/.github/workflows/deploy.yml@0123456789abcdef0123456789abcdef01234567", "secrets": "inherit"}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"build": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/checkout@0123456789abcdef0123456789abcdef01234567", "with": {"persist-credentials": false}}, {"name": "test", "run": "make test"}]}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"call": {"uses": "./.github/workflows/deploy.yml", "secrets": "inherit"}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) == 0
}

test_pass_2 if {
	res := check.deny with input as {"name": "ci", "on": "push", "jobs": {"call": {"uses": "other-org/w/.github/workflows/d.yml@0123456789abcdef0123456789abcdef01234567", "secrets": {"token": "${{ secrets.DEPLOY }}"}}}, "__loc": {"start_line": 1, "end_line": 30}, "__keys": {"on": {"start_line": 2, "end_line": 3}}, "permissions": {"contents": "read"}}
	count(res) == 0
}
