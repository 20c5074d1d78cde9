package tollgate.iac.dockerfile.git_ssl_verify_disabled_test

import data.tollgate.iac.dockerfile.git_ssl_verify_disabled as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["git config --global http.sslVerify false"], "flags": [], "original": "RUN git config --global http.sslVerify false", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["git -c http.sslVerify=false clone https://example.com/r.git"], "flags": [], "original": "RUN git -c http.sslVerify=false clone https://example.com/r.git", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_deny_2 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "env", "value": ["GIT_SSL_NO_VERIFY", "true"], "flags": [], "original": "ENV GIT_SSL_NO_VERIFY=true", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["git clone https://example.com/r.git"], "flags": [], "original": "RUN git clone https://example.com/r.git", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) == 0
}
