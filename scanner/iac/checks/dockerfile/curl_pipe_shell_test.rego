package tollgate.iac.dockerfile.curl_pipe_shell_test

import data.tollgate.iac.dockerfile.curl_pipe_shell as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["curl -fsSL https://example.com/install.sh | sh"], "flags": [], "original": "RUN curl -fsSL https://example.com/install.sh | sh", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["wget -qO- https://example.com/i | sudo bash -s -- -y"], "flags": [], "original": "RUN wget -qO- https://example.com/i | sudo bash -s -- -y", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_deny_2 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["bash -c \"$(curl -fsSL https://example.com/i.sh)\""], "flags": [], "original": "RUN bash -c \"$(curl -fsSL https://example.com/i.sh)\"", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 4}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["apk add --no-cache curl=8.9.1-r0"], "flags": [], "original": "RUN apk add --no-cache curl=8.9.1-r0", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}, {"cmd": "user", "value": ["10001"], "flags": [], "original": "USER 10001", "exec_form": false, "__loc": {"start_line": 3, "end_line": 3}}, {"cmd": "healthcheck", "value": ["CMD", "wget", "-q", "-O-", "http://localhost:8080/", "||", "exit", "1"], "flags": [], "original": "HEALTHCHECK CMD wget -q -O- http://localhost:8080/ || exit 1", "exec_form": false, "__loc": {"start_line": 4, "end_line": 4}}]}], "args": {}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["curl -fsSLo /tmp/i.sh https://example.com/i.sh && sha256sum -c i.sha256 && sh /tmp/i.sh"], "flags": [], "original": "RUN curl -fsSLo /tmp/i.sh https://example.com/i.sh && sha256sum -c i.sha256 && sh /tmp/i.sh", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) == 0
}

test_pass_2 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["curl -s https://example.com/x.json | jq ."], "flags": [], "original": "RUN curl -s https://example.com/x.json | jq .", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) == 0
}
