# METADATA
# title: Deprecated unsafe workflow commands enabled
# description: >-
#   ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables ::set-env and ::add-path, which any log line
#   (including attacker-controlled output) can use to inject environment variables and code.
# scope: package
# custom:
#   id: TG-GHA-0011
#   peer_ids:
#     checkov: [CKV_GHA_1]
#     kics: [60fd272d-15f4-4d8f-afe4-77d9c6cc0453]
#   severity: HIGH
#   frameworks: [github-actions]
#   remediation: >-
#     Remove ACTIONS_ALLOW_UNSECURE_COMMANDS and write to $GITHUB_ENV / $GITHUB_PATH instead.
#   references:
#     - https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/
#   cwe: [CWE-94]
package tollgate.iac.github.unsecure_commands

import data.lib.iac
import data.lib.gha
import rego.v1

deny contains res if {
	some env in envs
	iac.is_true(lower(sprintf("%v", [env.env.ACTIONS_ALLOW_UNSECURE_COMMANDS])))
	res := iac.result_key("ACTIONS_ALLOW_UNSECURE_COMMANDS is enabled", env.env, "ACTIONS_ALLOW_UNSECURE_COMMANDS", env.id)
}

deny contains res if {
	some x in gha.steps
	regex.match(`::(set-env|add-path)\s`, gha.run_script(x.step))
	res := gha.step_result("script uses the deprecated ::set-env / ::add-path command", x, "run")
}

envs contains {"env": input.env, "id": "workflow"} if is_object(input.env)

envs contains {"env": j.job.env, "id": j.id} if {
	some j in gha.jobs
	is_object(j.job.env)
}

envs contains {"env": x.step.env, "id": x.id} if {
	some x in gha.steps
	is_object(x.step.env)
}
