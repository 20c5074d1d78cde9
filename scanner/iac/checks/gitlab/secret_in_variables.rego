# METADATA
# title: Secret hard-coded in CI variables
# description: >-
#   Values under variables: are stored in the repository and shown to everyone who can read
#   it.
# scope: package
# custom:
#   id: TG-GITLAB-0002
#   severity: HIGH
#   frameworks: [gitlab-ci]
#   remediation: >-
#     Define the secret as a masked, protected CI/CD variable in the project or group settings
#     (or use an external secrets provider).
#   references:
#     - https://docs.gitlab.com/ci/variables/
#   cwe: [CWE-798]
package tollgate.iac.gitlab.secret_in_variables

import data.lib.iac
import data.lib.gitlab
import rego.v1

deny contains res if {
	some v in gitlab.variables
	regex.match(gitlab.secret_name, v.name)
	not regex.match(gitlab.not_secret_suffix, v.name)
	count(v.value) >= 6
	not contains(v.value, "$")
	not lower(v.value) in {"true", "false", "changeme", "none", "null"}
	res := iac.result_key(sprintf("variable %s holds a literal secret", [v.name]), v.obj, v.name, v.id)
}
