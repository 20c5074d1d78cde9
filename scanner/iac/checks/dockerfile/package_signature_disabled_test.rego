package tollgate.iac.dockerfile.package_signature_disabled_test

import data.tollgate.iac.dockerfile.package_signature_disabled as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "debian:12", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["debian:12"], "flags": [], "original": "FROM debian:12", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["apt-get install -y --allow-unauthenticated foo=1"], "flags": [], "original": "RUN apt-get install -y --allow-unauthenticated foo=1", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "rockylinux:9", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["rockylinux:9"], "flags": [], "original": "FROM rockylinux:9", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["dnf install -y --nogpgcheck foo-1 && dnf clean all"], "flags": [], "original": "RUN dnf install -y --nogpgcheck foo-1 && dnf clean all", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_deny_2 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["apk add --no-cache --allow-untrusted /tmp/x.apk"], "flags": [], "original": "RUN apk add --no-cache --allow-untrusted /tmp/x.apk", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 4}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["apk add --no-cache curl=8.9.1-r0"], "flags": [], "original": "RUN apk add --no-cache curl=8.9.1-r0", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}, {"cmd": "user", "value": ["10001"], "flags": [], "original": "USER 10001", "exec_form": false, "__loc": {"start_line": 3, "end_line": 3}}, {"cmd": "healthcheck", "value": ["CMD", "wget", "-q", "-O-", "http://localhost:8080/", "||", "exit", "1"], "flags": [], "original": "HEALTHCHECK CMD wget -q -O- http://localhost:8080/ || exit 1", "exec_form": false, "__loc": {"start_line": 4, "end_line": 4}}]}], "args": {}}
	count(res) == 0
}
