package tollgate.iac.dockerfile.npm_global_unpinned_test

import data.tollgate.iac.dockerfile.npm_global_unpinned as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "node:20-alpine", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["node:20-alpine"], "flags": [], "original": "FROM node:20-alpine", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["npm install -g pm2"], "flags": [], "original": "RUN npm install -g pm2", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "node:20-alpine", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["node:20-alpine"], "flags": [], "original": "FROM node:20-alpine", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["npm install -g pm2@5.4.2 @scope/tool@1.0.0 && npm ci"], "flags": [], "original": "RUN npm install -g pm2@5.4.2 @scope/tool@1.0.0 && npm ci", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) == 0
}
