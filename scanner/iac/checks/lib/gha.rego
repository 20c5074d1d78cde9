# METADATA
# title: tollgate GitHub Actions check library
# description: Trigger, job and step helpers for github-actions documents (workflows and composite actions).
# scope: package
package lib.gha

import data.lib.iac
import rego.v1

is_workflow if is_object(input.jobs)

is_composite if input.runs.using == "composite"

# triggers is the set of events that start the workflow.
triggers := {input.on} if is_string(input.on)

else := {t | some t in input.on} if is_array(input.on)

else := {t | some t, _ in input.on; not startswith(t, "__")} if is_object(input.on)

else := set()

# untrusted_triggers run in the base repository's context on events that
# outsiders (forks, commenters) can cause.
privileged_triggers := {"pull_request_target", "workflow_run", "issue_comment", "issues", "discussion", "discussion_comment", "pull_request_review", "pull_request_review_comment"}

pr_triggers := {"pull_request", "pull_request_target"}

# jobs yields {"id", "job"}.
jobs := [{"id": id, "job": job} |
	some id, job in object.get(input, "jobs", {})
	not startswith(id, "__")
	is_object(job)
]

step_label(step, i) := step.id if is_string(step.id)

else := step.name if is_string(step.name)

else := sprintf("step%d", [i])

# steps yields {"job_id", "job", "step", "idx", "id"} for every step of every
# job, and for the steps of a composite action (job_id "action").
steps := array.concat(
	[{"job_id": j.id, "job": j.job, "step": s, "idx": i, "id": sprintf("%s/%s", [j.id, step_label(s, i)])} |
		some j in jobs
		some i, s in object.get(j.job, "steps", [])
		is_object(s)
	],
	[{"job_id": "action", "job": {}, "step": s, "idx": i, "id": sprintf("action/%s", [step_label(s, i)])} |
		is_composite
		some i, s in object.get(input.runs, "steps", [])
		is_object(s)
	],
)

# uses returns the action reference of a step ("" when the step runs a script).
uses(step) := step.uses if is_string(step.uses)

else := ""

# action_name is "owner/repo[/path]" of a uses reference, lower-cased.
action_name(u) := lower(split(u, "@")[0])

is_checkout(step) if startswith(action_name(uses(step)), "actions/checkout")

run_script(step) := step.run if is_string(step.run)

else := ""

# result locates a finding at a step key (falling back to the step).
step_result(msg, x, key) := iac.result_key(msg, x.step, key, x.id)

job_result(msg, j, key) := iac.result_key(msg, j.job, key, j.id)

workflow_result(msg, key) := iac.result_key(msg, input, key, "workflow")

# runs_on lists a job's runner labels.
runs_on(job) := [job["runs-on"]] if is_string(job["runs-on"])

else := job["runs-on"] if is_array(job["runs-on"])

else := object.get(job["runs-on"], "labels", []) if is_object(job["runs-on"])

else := []

# untrusted_expr matches ${{ }} expressions whose value an outsider controls.
untrusted_expr := `\$\{\{[^}]*(github\.event\.(issue\.(title|body)|pull_request\.(title|body|head\.ref|head\.label|head\.repo\.default_branch)|comment\.body|review\.body|review_comment\.body|discussion\.(title|body)|pages[^}]*\.page_name|commits[^}]*\.(message|author\.(email|name))|head_commit\.(message|author\.(email|name))|workflow_run\.(head_branch|display_title|head_commit\.(message|author\.(email|name))|pull_requests[^}]*\.head\.ref))|github\.head_ref)`

secret_name := `(?i)(passw(or)?d|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|credential|client[_-]?secret)`

not_secret_suffix := `(?i)(_file|_path|_dir|_name|_id|_url|_uri|_endpoint|_header|_ttl|_expiry|_length|_timeout|_enabled|_type|_mode|_len|_size|_ref|_version)$`

# literal_secret is a value written in the file rather than taken from
# secrets or another expression.
literal_secret(v) if {
	is_string(v)
	count(v) >= 6
	not contains(v, "${{")
	not startswith(v, "$")
	not lower(v) in {"true", "false", "changeme", "none", "null"}
}
