package tollgate.iac.dockerfile.pip_trusted_host_test

import data.tollgate.iac.dockerfile.pip_trusted_host as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "python:3.12", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["python:3.12"], "flags": [], "original": "FROM python:3.12", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["pip install --trusted-host pypi.example.com flask==3.0.3"], "flags": [], "original": "RUN pip install --trusted-host pypi.example.com flask==3.0.3", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_deny_1 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "python:3.12", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["python:3.12"], "flags": [], "original": "FROM python:3.12", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "env", "value": ["PIP_TRUSTED_HOST", "pypi.example.com"], "flags": [], "original": "ENV PIP_TRUSTED_HOST=pypi.example.com", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "python:3.12", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["python:3.12"], "flags": [], "original": "FROM python:3.12", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["pip install --no-cache-dir flask==3.0.3"], "flags": [], "original": "RUN pip install --no-cache-dir flask==3.0.3", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) == 0
}
