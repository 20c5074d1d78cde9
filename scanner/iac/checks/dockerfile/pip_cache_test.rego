package tollgate.iac.dockerfile.pip_cache_test

import data.tollgate.iac.dockerfile.pip_cache as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "python:3.12-slim", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["python:3.12-slim"], "flags": [], "original": "FROM python:3.12-slim", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["pip install flask==3.0.3"], "flags": [], "original": "RUN pip install flask==3.0.3", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "python:3.12-slim", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 3}, "instructions": [{"cmd": "from", "value": ["python:3.12-slim"], "flags": [], "original": "FROM python:3.12-slim", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "env", "value": ["PIP_NO_CACHE_DIR", "1"], "flags": [], "original": "ENV PIP_NO_CACHE_DIR=1", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}, {"cmd": "run", "value": ["pip install flask==3.0.3"], "flags": [], "original": "RUN pip install flask==3.0.3", "exec_form": false, "__loc": {"start_line": 3, "end_line": 3}}]}], "args": {}}
	count(res) == 0
}

test_pass_1 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "python:3.12-slim", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["python:3.12-slim"], "flags": [], "original": "FROM python:3.12-slim", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["pip install --no-cache-dir flask==3.0.3"], "flags": [], "original": "RUN pip install --no-cache-dir flask==3.0.3", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) == 0
}
