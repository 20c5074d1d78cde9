package tollgate.iac.dockerfile.secret_in_arg_test

import data.tollgate.iac.dockerfile.secret_in_arg as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "arg", "value": ["NPM_TOKEN"], "flags": [], "original": "ARG NPM_TOKEN", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "arg", "value": ["GITHUB_TOKEN=ghp_example"], "flags": [], "original": "ARG GITHUB_TOKEN=ghp_example", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 4}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["apk add --no-cache curl=8.9.1-r0"], "flags": [], "original": "RUN apk add --no-cache curl=8.9.1-r0", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}, {"cmd": "user", "value": ["10001"], "flags": [], "original": "USER 10001", "exec_form": false, "__loc": {"start_line": 3, "end_line": 3}}, {"cmd": "healthcheck", "value": ["CMD", "wget", "-q", "-O-", "http://localhost:8080/", "||", "exit", "1"], "flags": [], "original": "HEALTHCHECK CMD wget -q -O- http://localhost:8080/ || exit 1", "exec_form": false, "__loc": {"start_line": 4, "end_line": 4}}]}], "args": {}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 3}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "arg", "value": ["VERSION=1.2.3"], "flags": [], "original": "ARG VERSION=1.2.3", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}, {"cmd": "arg", "value": ["TOKEN_URL"], "flags": [], "original": "ARG TOKEN_URL", "exec_form": false, "__loc": {"start_line": 3, "end_line": 3}}]}], "args": {}}
	count(res) == 0
}
