package tollgate.iac.dockerfile.base_image_untagged_test

import data.tollgate.iac.dockerfile.base_image_untagged as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "ubuntu", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 1}, "instructions": [{"cmd": "from", "value": ["ubuntu"], "flags": [], "original": "FROM ubuntu", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}]}], "args": {}}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"stages": [{"name": "b", "index": 0, "base": "localhost:5000/base", "final": false, "from_stage": false, "__loc": {"start_line": 1, "end_line": 1}, "instructions": [{"cmd": "from", "value": ["localhost:5000/base", "AS", "b"], "flags": [], "original": "FROM localhost:5000/base AS b", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}]}, {"name": "", "index": 1, "base": "b", "final": true, "from_stage": true, "__loc": {"start_line": 2, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["b"], "flags": [], "original": "FROM b", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 4}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["apk add --no-cache curl=8.9.1-r0"], "flags": [], "original": "RUN apk add --no-cache curl=8.9.1-r0", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}, {"cmd": "user", "value": ["10001"], "flags": [], "original": "USER 10001", "exec_form": false, "__loc": {"start_line": 3, "end_line": 3}}, {"cmd": "healthcheck", "value": ["CMD", "wget", "-q", "-O-", "http://localhost:8080/", "||", "exit", "1"], "flags": [], "original": "HEALTHCHECK CMD wget -q -O- http://localhost:8080/ || exit 1", "exec_form": false, "__loc": {"start_line": 4, "end_line": 4}}]}], "args": {}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"stages": [{"name": "build", "index": 0, "base": "golang:1.22", "final": false, "from_stage": false, "__loc": {"start_line": 1, "end_line": 1}, "instructions": [{"cmd": "from", "value": ["golang:1.22", "AS", "build"], "flags": [], "original": "FROM golang:1.22 AS build", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}]}, {"name": "", "index": 1, "base": "build", "final": true, "from_stage": true, "__loc": {"start_line": 2, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["build"], "flags": [], "original": "FROM build", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) == 0
}

test_pass_2 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "scratch", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 1}, "instructions": [{"cmd": "from", "value": ["scratch"], "flags": [], "original": "FROM scratch", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}]}], "args": {}}
	count(res) == 0
}
