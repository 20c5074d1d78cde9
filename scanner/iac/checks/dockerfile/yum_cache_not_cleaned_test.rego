package tollgate.iac.dockerfile.yum_cache_not_cleaned_test

import data.tollgate.iac.dockerfile.yum_cache_not_cleaned as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "rockylinux:9", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["rockylinux:9"], "flags": [], "original": "FROM rockylinux:9", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["dnf install -y nginx-1.20.1"], "flags": [], "original": "RUN dnf install -y nginx-1.20.1", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "rockylinux:9", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["rockylinux:9"], "flags": [], "original": "FROM rockylinux:9", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["dnf install -y nginx-1.20.1 && dnf clean all"], "flags": [], "original": "RUN dnf install -y nginx-1.20.1 && dnf clean all", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) == 0
}
