package tollgate.iac.dockerfile.expose_ssh_test

import data.tollgate.iac.dockerfile.expose_ssh as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "expose", "value": ["80", "22/tcp"], "flags": [], "original": "EXPOSE 80 22/tcp", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "alpine:3.20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["alpine:3.20"], "flags": [], "original": "FROM alpine:3.20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "expose", "value": ["8022", "2222"], "flags": [], "original": "EXPOSE 8022 2222", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) == 0
}
