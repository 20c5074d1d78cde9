package tollgate.iac.github.oidc_workflow_level_test

import data.tollgate.iac.github.oidc_workflow_level as check
import rego.v1

wf(perms, jobs) := {"on": "push", "permissions": perms, "jobs": jobs}

test_workflow_level_id_token if {
	count(check.deny) == 1 with input as wf({"id-token": "write", "contents": "read"}, {"build": {"runs-on": "ubuntu-latest", "steps": [{"run": "make"}]}, "deploy": {"runs-on": "ubuntu-latest", "steps": [{"run": "make deploy"}]}})
}

test_job_level_only if {
	jobs := {"build": {"runs-on": "ubuntu-latest", "steps": [{"run": "make"}]}, "deploy": {"runs-on": "ubuntu-latest", "permissions": {"id-token": "write"}, "steps": [{"run": "make deploy"}]}}
	count(check.deny) == 0 with input as wf({"contents": "read"}, jobs)
}

test_single_inheriting_job if {
	jobs := {"publish": {"runs-on": "ubuntu-latest", "steps": [{"run": "make publish"}]}, "lint": {"runs-on": "ubuntu-latest", "permissions": {"contents": "read"}, "steps": [{"run": "make lint"}]}}
	count(check.deny) == 0 with input as wf({"id-token": "write"}, jobs)
}

test_every_job_overrides if {
	jobs := {"deploy": {"runs-on": "ubuntu-latest", "permissions": {"id-token": "write", "contents": "read"}, "steps": [{"run": "make deploy"}]}}
	count(check.deny) == 0 with input as wf({"id-token": "write"}, jobs)
}

test_read_or_none if {
	count(check.deny) == 0 with input as wf({"id-token": "none"}, {"b": {"runs-on": "x", "steps": []}})
	count(check.deny) == 0 with input as wf("read-all", {"b": {"runs-on": "x", "steps": []}})
}
