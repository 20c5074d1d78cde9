# METADATA
# title: Credential hard-coded in a workflow
# description: >-
#   A password, token or key is written into the workflow file instead of being read from the
#   secrets store.
# scope: package
# custom:
#   id: TG-GHA-0015
#   severity: HIGH
#   frameworks: [github-actions]
#   remediation: >-
#     Store the value as an encrypted secret and reference it with ${{ secrets.NAME }}.
#   references:
#     - https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions
#   cwe: [CWE-798]
package tollgate.iac.github.hardcoded_credentials

import data.lib.iac
import data.lib.gha
import rego.v1

deny contains res if {
	some m in maps
	some k, v in m.obj
	not startswith(k, "__")
	regex.match(gha.secret_name, k)
	not regex.match(gha.not_secret_suffix, k)
	gha.literal_secret(v)
	res := iac.result_key(sprintf("%s is set to a literal value", [k]), m.obj, k, m.id)
}

maps contains {"obj": input.env, "id": "workflow"} if is_object(input.env)

maps contains {"obj": j.job.env, "id": j.id} if {
	some j in gha.jobs
	is_object(j.job.env)
}

maps contains {"obj": j.job.container.credentials, "id": j.id} if {
	some j in gha.jobs
	is_object(j.job.container.credentials)
}

maps contains {"obj": x.step[k], "id": x.id} if {
	some x in gha.steps
	some k in ["env", "with"]
	is_object(x.step[k])
}
