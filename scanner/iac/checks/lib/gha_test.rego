package lib.gha_test

import data.lib.gha
import rego.v1

wf := {"on": {"push": {}, "pull_request_target": {"types": ["opened"]}}, "jobs": {"build": {"runs-on": "ubuntu-latest", "steps": [
	{"uses": "actions/checkout@v4"},
	{"name": "test", "run": "make test"},
]}}}

test_triggers if {
	gha.triggers == {"push", "pull_request_target"} with input as wf
	gha.triggers == {"push"} with input as {"on": "push"}
	gha.triggers == {"push", "pull_request"} with input as {"on": ["push", "pull_request"]}
}

test_steps if {
	s := gha.steps with input as wf
	count(s) == 2
	s[0].id == "build/step0"
	s[1].id == "build/test"
	gha.is_checkout(s[0].step)
	gha.run_script(s[1].step) == "make test"
}

test_composite_steps if {
	s := gha.steps with input as {"runs": {"using": "composite", "steps": [{"run": "echo hi", "shell": "bash"}]}}
	s[0].id == "action/step0"
}

test_runs_on if {
	gha.runs_on({"runs-on": ["self-hosted", "linux"]}) == ["self-hosted", "linux"]
	gha.runs_on({"runs-on": {"group": "g", "labels": ["x"]}}) == ["x"]
}

test_untrusted_expr if {
	regex.match(gha.untrusted_expr, `echo "${{ github.event.pull_request.title }}"`)
	regex.match(gha.untrusted_expr, `git push origin ${{ github.head_ref }}`)
	not regex.match(gha.untrusted_expr, `echo ${{ github.event.pull_request.number }}`)
}
