package tollgate.iac.gitlab.include_not_pinned_test

import data.tollgate.iac.gitlab.include_not_pinned as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": ["build"], "include": [{"remote": "https://example.com/ci/templates.yml"}]}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"stages": ["build"], "include": [{"project": "group/ci", "file": "/t.yml"}]}
	count(res) > 0
}

test_deny_2 if {
	res := check.deny with input as {"stages": ["build"], "include": [{"project": "group/ci", "ref": "main", "file": "/t.yml"}]}
	count(res) > 0
}

test_deny_3 if {
	res := check.deny with input as {"stages": ["build"], "include": [{"component": "gitlab.example.com/g/c/scan@~latest"}]}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"image": "alpine:3.20", "stages": ["build"], "variables": {"GIT_DEPTH": "10"}, "build": {"stage": "build", "image": "golang:1.22.5", "script": ["go build ./..."]}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"stages": ["build"], "include": [{"project": "group/ci", "ref": "0123456789abcdef0123456789abcdef01234567", "file": "/t.yml"}, {"local": "/ci/build.yml"}, {"template": "Jobs/SAST.gitlab-ci.yml"}, {"component": "gitlab.example.com/g/c/scan@1.2.0"}]}
	count(res) == 0
}

test_pass_2 if {
	res := check.deny with input as {"stages": ["build"], "include": "/ci/local.yml"}
	count(res) == 0
}
