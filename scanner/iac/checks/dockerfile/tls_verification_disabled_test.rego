package tollgate.iac.dockerfile.tls_verification_disabled_test

import data.tollgate.iac.dockerfile.tls_verification_disabled as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "node:20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["node:20"], "flags": [], "original": "FROM node:20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["npm config set strict-ssl false && npm ci"], "flags": [], "original": "RUN npm config set strict-ssl false && npm ci", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "python:3.12", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["python:3.12"], "flags": [], "original": "FROM python:3.12", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "env", "value": ["PYTHONHTTPSVERIFY", "0"], "flags": [], "original": "ENV PYTHONHTTPSVERIFY=0", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "node:20", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["node:20"], "flags": [], "original": "FROM node:20", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["npm ci"], "flags": [], "original": "RUN npm ci", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) == 0
}
