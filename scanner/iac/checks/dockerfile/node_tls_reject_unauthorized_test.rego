package tollgate.iac.dockerfile.node_tls_reject_unauthorized_test

import data.tollgate.iac.dockerfile.node_tls_reject_unauthorized as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "node:20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["node:20"], "flags": [], "original": "FROM node:20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "env", "value": ["NODE_TLS_REJECT_UNAUTHORIZED", "0"], "flags": [], "original": "ENV NODE_TLS_REJECT_UNAUTHORIZED=0", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "node:20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["node:20"], "flags": [], "original": "FROM node:20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci"], "flags": [], "original": "RUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "node:20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["node:20"], "flags": [], "original": "FROM node:20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "env", "value": ["NODE_TLS_REJECT_UNAUTHORIZED", "1", "NODE_EXTRA_CA_CERTS", "/etc/ssl/ca.pem"], "flags": [], "original": "ENV NODE_TLS_REJECT_UNAUTHORIZED=1 NODE_EXTRA_CA_CERTS=/etc/ssl/ca.pem", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) == 0
}
