package tollgate.iac.dockerfile.apt_lists_not_removed_test

import data.tollgate.iac.dockerfile.apt_lists_not_removed as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "debian:12", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 3}, "instructions": [{"cmd": "from", "value": ["debian:12"], "flags": [], "original": "FROM debian:12", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["apt-get update && apt-get install -y curl=7.88.1-10"], "flags": [], "original": "RUN apt-get update && apt-get install -y curl=7.88.1-10", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}, {"cmd": "user", "value": ["app"], "flags": [], "original": "USER app", "exec_form": false, "__loc": {"start_line": 3, "end_line": 3}}]}], "args": {}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "debian:12", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["debian:12"], "flags": [], "original": "FROM debian:12", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["apt-get update && apt-get install -y curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*"], "flags": [], "original": "RUN apt-get update && apt-get install -y curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"stages": [{"name": "build", "index": 0, "base": "debian:12", "final": false, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["debian:12", "AS", "build"], "flags": [], "original": "FROM debian:12 AS build", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["apt-get update && apt-get install -y gcc=12"], "flags": [], "original": "RUN apt-get update && apt-get install -y gcc=12", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}, {"name": "", "index": 1, "base": "debian:12", "final": true, "from_stage": false, "__loc": {"start_line": 3, "end_line": 3}, "instructions": [{"cmd": "from", "value": ["debian:12"], "flags": [], "original": "FROM debian:12", "exec_form": false, "__loc": {"start_line": 3, "end_line": 3}}]}], "args": {}}
	count(res) == 0
}
