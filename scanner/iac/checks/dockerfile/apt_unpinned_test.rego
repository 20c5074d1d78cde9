package tollgate.iac.dockerfile.apt_unpinned_test

import data.tollgate.iac.dockerfile.apt_unpinned as check
import rego.v1

test_deny_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "debian:12", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["debian:12"], "flags": [], "original": "FROM debian:12", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*"], "flags": [], "original": "RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) > 0
}

test_pass_0 if {
	res := check.deny with input as {"stages": [{"name": "", "index": 0, "base": "debian:12", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [{"cmd": "from", "value": ["debian:12"], "flags": [], "original": "FROM debian:12", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}}, {"cmd": "run", "value": ["apt-get update && apt-get -qq install curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*"], "flags": [], "original": "RUN apt-get update && apt-get -qq install curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*", "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}}]}], "args": {}}
	count(res) == 0
}
