package tollgate.iac.dockerfile.apt_no_install_recommends_test

import data.tollgate.iac.dockerfile.apt_no_install_recommends as check
import rego.v1

df(cmd) := {"stages": [{"name": "", "index": 0, "base": "debian:12", "final": true, "from_stage": false, "__loc": {"start_line": 1, "end_line": 2}, "instructions": [
	{"cmd": "from", "value": ["debian:12"], "flags": [], "original": "FROM debian:12", "exec_form": false, "__loc": {"start_line": 1, "end_line": 1}},
	{"cmd": "run", "value": [cmd], "flags": [], "original": concat(" ", ["RUN", cmd]), "exec_form": false, "__loc": {"start_line": 2, "end_line": 2}},
]}], "args": {}}

test_recommends if {
	count(check.deny) == 1 with input as df("apt-get update && apt-get install -y curl=7.88.1-10")
	count(check.deny) == 1 with input as df("apt install -y curl")
}

test_builder_stage_not_shipped if {
	doc := df("apt-get install -y curl")
	builder := json.patch(doc, [{"op": "replace", "path": "/stages/0/final", "value": false}])
	count(check.deny) == 0 with input as builder
}

test_no_recommends if {
	count(check.deny) == 0 with input as df("apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10")
	count(check.deny) == 0 with input as df("apt-get -o APT::Install-Recommends=false install -y curl")
	count(check.deny) == 0 with input as df("apk add --no-cache curl")
	count(check.deny) == 0 with input as df("apt-get update")
}
